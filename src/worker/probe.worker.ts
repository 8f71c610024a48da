import * as Comlink from 'comlink';
import { probeBackends } from '../models/backendProbe';
import type { ProbeWorkerApi } from './probeApi';

const api: ProbeWorkerApi = { probe: (wasmThreads) => probeBackends(wasmThreads) };
Comlink.expose(api);
