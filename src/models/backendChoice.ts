// Choosing the backend by measurement (no TF.js here: the page reads and keeps the figures).
import { BACKEND_ORDER, type BackendName } from './backendNames';

/** One backend's figures from the probe, or why it could not be measured. */
export interface ProbeFigure {
  backend: BackendName;
  /** one training step of the classroom model (batch 32), median ms */
  trainStepMs?: number;
  /** one beam-search decoding step (10 beams), median ms */
  decodeStepMs?: number;
  /** the adapter or renderer, where the platform names one */
  device?: string;
  /** why it was not measured (it did not start, or a step failed) */
  error?: string;
}

/** A finished probe, as kept in the browser's storage (per browser profile and site). */
export interface BackendProbe {
  /** the wasm threads it ran with */
  wasmThreads: number;
  /** ISO date of the measurement */
  at: string;
  figures: ProbeFigure[];
  /** the fastest backend (see chooseFastest) */
  choice: BackendName;
}

/** The probe's workload: the classroom model, its training batch, the search's 10 beams. */
export const PROBE_BATCH = 32;
export const PROBE_BEAM = 10;
/** timed steps of each kind per backend (after one untimed step) */
export const PROBE_REPS = 3;

/** A backend whose step is this many times the fastest one's has lost: one timed step is enough. */
export const CLEARLY_SLOWER = 5;

/**
 * A training step counts once and a decoding step DECODE_WEIGHT times: a query decodes up to
 * about that many steps (a docid's tokens, or a SEAL n-gram's), so this weighs one training step
 * against one answer.
 */
export const DECODE_WEIGHT = 8;

/** The cost the choice minimises (ms), or null for a backend that was not measured. */
export function probeCost(f: ProbeFigure): number | null {
  if (f.error || f.trainStepMs === undefined || f.decodeStepMs === undefined) return null;
  return f.trainStepMs + DECODE_WEIGHT * f.decodeStepMs;
}

/** The measured backend with the lowest cost (ties: the earlier in BACKEND_ORDER), or null. */
export function chooseFastest(figures: readonly ProbeFigure[]): BackendName | null {
  let best: { backend: BackendName; cost: number } | null = null;
  for (const backend of BACKEND_ORDER) {
    const f = figures.find((x) => x.backend === backend);
    const cost = f ? probeCost(f) : null;
    if (cost !== null && (!best || cost < best.cost)) best = { backend, cost };
  }
  return best?.backend ?? null;
}

/** The storage key of the kept probe (versioned: a change to what is measured measures again). */
export const PROBE_STORAGE_KEY = 'genir.backendProbe.v1';

const isBackend = (x: unknown): x is BackendName =>
  typeof x === 'string' && (BACKEND_ORDER as string[]).includes(x);
const isTime = (x: unknown) => x === undefined || (typeof x === 'number' && x >= 0);

/**
 * The kept probe from its stored text, when it is well formed and was measured with the same wasm
 * threads; null otherwise (then the page measures again).
 */
export function readKeptProbe(text: string | null, wasmThreads: number): BackendProbe | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const p = value as Partial<BackendProbe>;
  if (
    typeof p !== 'object' ||
    p === null ||
    p.wasmThreads !== wasmThreads ||
    typeof p.at !== 'string' ||
    !isBackend(p.choice) ||
    !Array.isArray(p.figures) ||
    !p.figures.every(
      (f: ProbeFigure) =>
        typeof f === 'object' &&
        f !== null &&
        isBackend(f.backend) &&
        isTime(f.trainStepMs) &&
        isTime(f.decodeStepMs),
    )
  ) {
    return null;
  }
  return p as BackendProbe;
}

/** "wasm 160 ms, webgl 2,100 ms": each measured backend's training step, fastest first. */
export function probeSummary(figures: readonly ProbeFigure[]): string {
  return figures
    .filter((f) => probeCost(f) !== null)
    .sort((a, b) => probeCost(a)! - probeCost(b)!)
    .map((f) => `${f.backend} ${Math.round(f.trainStepMs!).toLocaleString('en')} ms`)
    .join(', ');
}
