import type { StateCreator } from 'zustand';
import type { BackendName, BackendReport } from '../models/backend';
import type { EngineActivity } from '../worker/engineApi';
import type { AppState } from './appStore';
import { engineClient } from './workers';

export interface BackendSlice {
  backend: BackendReport | null;
  backendError: string | null;
  /** the engine's work and TF.js memory, as last read */
  engineActivity: EngineActivity | null;
  startEngine(preferred?: BackendName, wasmThreads?: number): Promise<void>;
  /** Move TF.js to another backend (the Index panel's choice for training). */
  switchBackend(name: BackendName): Promise<void>;
  /** Read the engine's activity counters and TF.js memory now. */
  refreshEngineActivity(): Promise<void>;
}

export const createBackendSlice: StateCreator<AppState, [], [], BackendSlice> = (set, get) => ({
  backend: null,
  backendError: null,
  engineActivity: null,
  async startEngine(preferred, wasmThreads) {
    if (get().backend) return;
    try {
      set({ backend: await engineClient().init(preferred, wasmThreads) });
      // weights load lazily once TF.js is up; BM25 has been answering meanwhile
      void get().syncModelWithCorpus();
    } catch (e) {
      set({ backendError: (e as Error).message });
    }
  },
  async switchBackend(name) {
    try {
      set({ backend: await engineClient().setBackend(name), backendError: null });
    } catch (e) {
      set({ backendError: (e as Error).message });
    }
  },
  async refreshEngineActivity() {
    set({ engineActivity: await engineClient().activity() });
  },
});
