import * as Comlink from 'comlink';
import '../models/tfSetup';
import { probeBackends } from '../models/backendProbe';
import type { ProbeWorkerApi } from './probeApi';

const api: ProbeWorkerApi = { probe: (wasmThreads) => probeBackends(wasmThreads) };
Comlink.expose(api);
