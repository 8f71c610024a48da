import * as Comlink from 'comlink';
import { pickBackend } from '../models/backend';
import type { EngineWorkerApi } from './engineApi';

const api: EngineWorkerApi = {
  init: (preferred) => pickBackend(preferred),
};

Comlink.expose(api);
