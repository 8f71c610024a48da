import * as Comlink from 'comlink';
import type { StateCreator } from 'zustand';
import type { BackendName, BackendReport } from '../models/backend';
import { chooseFastest, PROBE_STORAGE_KEY, type BackendProbe } from '../models/backendChoice';
import type { PageEngineActivity } from '../worker/engineApi';
import type { ProbeWorkerApi } from '../worker/probeApi';
import type { AppState } from './appStore';
import { pageStorage, startEngineOnce } from './engineStart';
import { gaveWay, GiveWay } from './giveWay';
import { engineClient } from './workers';

/**
 * How the backend was chosen: `forced` by ?backend=, `kept` from an earlier probe in this
 * browser, `probing` now, `measured` by this page's probe, `first` (a first visit's start on wasm,
 * engineStart.ts, before or without a probe), `waiting` (the same start; the probe gave way to a
 * corpus load and runs after it), `failed` when the probe could not finish.
 */
export type BackendChoiceState =
  'forced' | 'kept' | 'first' | 'waiting' | 'probing' | 'measured' | 'failed';

/** The probe starts this long after the engine is up, so it does not slow the first answer. */
export const PROBE_DELAY_MS = 3000;

export interface BackendSlice {
  backend: BackendReport | null;
  backendError: string | null;
  /** the backend probe's figures (kept from an earlier visit, or measured now) */
  backendProbe: BackendProbe | null;
  backendChoice: BackendChoiceState;
  probeError: string | null;
  /** the engine's work and TF.js memory, as last read */
  engineActivity: PageEngineActivity | null;
  /** Take up the engine's start (engineStart.ts) and, on a first visit, time the backends. */
  startEngine(): Promise<void>;
  /** Move TF.js to another backend (the Index panel's choice for training). */
  switchBackend(name: BackendName): Promise<void>;
  /**
   * Time each backend on the classroom model in a worker of its own, keep the figures in this
   * browser's storage and move the engine to the fastest (unless a training run is going on).
   */
  probeBackends(): Promise<void>;
  /** Read the engine's activity counters and TF.js memory now. */
  refreshEngineActivity(): Promise<void>;
  /**
   * Heavy work a person asked for (a corpus load) starts: the probe stops, or waits to start, so
   * that it neither slows that work nor measures a busy machine. `releaseProbe` when it is done.
   */
  holdProbe(): void;
  releaseProbe(): void;
}

export const createBackendSlice: StateCreator<AppState, [], [], BackendSlice> = (set, get) => {
  // the probe gives way to corpus loads, and runs again a moment after the last one
  const probeWay = new GiveWay(() => setTimeout(() => void get().probeBackends(), PROBE_DELAY_MS));
  return {
    backend: null,
    backendError: null,
    backendProbe: null,
    backendChoice: 'first',
    probeError: null,
    engineActivity: null,
    async startEngine() {
      if (get().backend) return;
      const { preferred, kept, report } = startEngineOnce();
      set({ backendProbe: kept, backendChoice: preferred ? 'forced' : kept ? 'kept' : 'first' });
      try {
        set({ backend: await report });
        // weights load lazily once TF.js is up; BM25 has been answering meanwhile
        void get().syncModelWithCorpus();
        if (!preferred && !kept) setTimeout(() => void get().probeBackends(), PROBE_DELAY_MS);
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
    async probeBackends() {
      if (get().backendChoice === 'probing') return;
      // a backend named in the address stays: the figures are shown, nothing moves
      const forced = get().backendChoice === 'forced';
      set({ backendChoice: 'probing', probeError: null });
      const { wasmThreads } = startEngineOnce();
      let worker: Worker | null = null;
      try {
        const figures = await probeWay.run(
          () => {
            worker = new Worker(new URL('../worker/probe.worker.ts', import.meta.url), {
              type: 'module',
              name: 'backend probe',
            });
            return Comlink.wrap<ProbeWorkerApi>(worker).probe(wasmThreads);
          },
          () => worker?.terminate(),
        );
        if (gaveWay(figures)) {
          set({ backendChoice: forced ? 'forced' : 'waiting' });
          return;
        }
        const choice = chooseFastest(figures);
        if (!choice) {
          throw new Error(
            `no backend could be measured (${figures.map((f) => `${f.backend}: ${f.error}`).join('; ')})`,
          );
        }
        const probe: BackendProbe = {
          wasmThreads,
          at: new Date().toISOString(),
          figures,
          choice,
        };
        try {
          pageStorage()?.setItem(PROBE_STORAGE_KEY, JSON.stringify(probe));
        } catch {
          /* storage full or refused: the page measures again next time */
        }
        set({ backendProbe: probe, backendChoice: forced ? 'forced' : 'measured' });
        // a run in progress keeps its backend; the next visit starts on the fastest one
        const running = ['preparing', 'running', 'paused'].includes(get().trainingStatus);
        if (choice !== get().backend?.backend && !running && !forced)
          await get().switchBackend(choice);
      } catch (e) {
        set({
          backendChoice: forced ? 'forced' : 'failed',
          probeError: (e as Error).message || String(e),
        });
      } finally {
        (worker as Worker | null)?.terminate();
      }
    },
    async refreshEngineActivity() {
      set({ engineActivity: await engineClient().activity() });
    },
    holdProbe() {
      probeWay.hold();
    },
    releaseProbe() {
      probeWay.release();
    },
  };
};
