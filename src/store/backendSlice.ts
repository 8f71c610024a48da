import type { StateCreator } from 'zustand';
import type { BackendName, BackendReport } from '../models/backend';
import type { AppState } from './appStore';
import { engineClient } from './workers';

export interface BackendSlice {
  backend: BackendReport | null;
  backendError: string | null;
  startEngine(preferred?: BackendName): Promise<void>;
}

export const createBackendSlice: StateCreator<AppState, [], [], BackendSlice> = (set, get) => ({
  backend: null,
  backendError: null,
  async startEngine(preferred) {
    if (get().backend) return;
    try {
      set({ backend: await engineClient().init(preferred) });
    } catch (e) {
      set({ backendError: (e as Error).message });
    }
  },
});
