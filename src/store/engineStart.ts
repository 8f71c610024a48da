import type { BackendName, BackendReport } from '../models/backend';
import { BACKEND_ORDER } from '../models/backendNames';
import { PROBE_STORAGE_KEY, readKeptProbe, type BackendProbe } from '../models/backendChoice';
import { ONE_THREAD_WASM } from '../models/wasmBinaries';
import { engineClient } from './workers';

/** `?backend=webgl` (or webgpu, wasm, cpu) puts that backend first (for comparing backends and for tests). */
export function preferredBackend(search = location.search): BackendName | undefined {
  const b = new URLSearchParams(search).get('backend');
  return BACKEND_ORDER.find((name) => name === b);
}

/** `?threads=2`: the wasm backend on that many threads (default one; see models/backend.ts). */
export function wasmThreads(search = location.search): number | undefined {
  const n = Number(new URLSearchParams(search).get('threads'));
  return Number.isInteger(n) && n > 0 && n <= 64 ? n : undefined;
}

/** `?workers=2`: workers that share each training batch (default: every core, up to four). */
export function trainWorkers(search = location.search): number | undefined {
  const n = Number(new URLSearchParams(search).get('workers'));
  return Number.isInteger(n) && n > 0 && n <= 16 ? n : undefined;
}

/**
 * `?localSgd=8`: the training workers run local SGD, each on a copy of the model, averaged every
 * that many batches (models/train/localSgd.ts; default: each batch shared, as one worker trains).
 */
export function localSgdPeriod(search = location.search): number | undefined {
  const n = Number(new URLSearchParams(search).get('localSgd'));
  return Number.isInteger(n) && n >= 2 && n <= 1024 ? n : undefined;
}

/** The page's storage, where there is one (a private window may refuse it). */
export function pageStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export interface EngineStart {
  /** the backend named by ?backend= */
  preferred?: BackendName;
  /** the wasm threads asked for (?threads=, else one) */
  wasmThreads: number;
  /** what an earlier visit's backend probe kept in this browser (none when ?backend= names one) */
  kept: BackendProbe | null;
  /** TF.js up in the engine worker, on the backend it started */
  report: Promise<BackendReport>;
}

let started: EngineStart | null = null;

/**
 * The backend of a first visit (nothing named, nothing measured here yet): wasm starts in tens of
 * milliseconds and needs no GPU adapter (asking for one, and compiling a GPU backend's shaders on
 * its first decode, cost hundreds), so the first answer comes from it; the backend probe then
 * times every backend and moves the engine to the fastest (backendSlice.ts).
 */
export const FIRST_VISIT_BACKEND: BackendName = 'wasm';

/**
 * Start TF.js in the engine worker, once per page: the named backend, else the one an earlier
 * probe measured fastest here, else FIRST_VISIT_BACKEND. The page's first script calls it
 * (main.tsx), so the backend starts as soon as the worker's script has run, while the app's own
 * script is still downloading; the store picks up the same start (backendSlice).
 */
export function startEngineOnce(): EngineStart {
  if (started) return started;
  const preferred = preferredBackend();
  const threads = wasmThreads();
  const kept = preferred
    ? null
    : readKeptProbe(pageStorage()?.getItem(PROBE_STORAGE_KEY) ?? null, threads ?? 1);
  const backend = preferred ?? kept?.choice ?? FIRST_VISIT_BACKEND;
  const wasm = backend === 'wasm' && (threads ?? 1) === 1 ? ONE_THREAD_WASM : undefined;
  started = {
    preferred,
    wasmThreads: threads ?? 1,
    kept,
    report: engineClient().init(backend, threads, trainWorkers(), wasm, localSgdPeriod()),
  };
  return started;
}
