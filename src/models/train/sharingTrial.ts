/**
 * Whether sharing each batch among workers pays, measured during the run rather than assumed.
 * Sharing trades kernel work for fixed costs (the weights and gradients copied to and from each
 * worker, a second thread's cache and scheduling): on one 2-core machine two workers trained at
 * 1.36x one worker's speed, on another at 0.84x (bench/results/train-speed.md). So the first
 * shareable steps of a run alternate between the two ways, each timed per source token; once
 * both have TRIAL_SAMPLES timings (after one untimed step each, which compiles and warms up), the
 * faster way runs the rest of the run.
 */

/** Timed steps of each way before the choice. */
export const TRIAL_SAMPLES = 3;

export type SharingWay = 'shared' | 'alone';

/** The trial's outcome: whether batches are shared, and sharing's measured speed-up. */
export interface SharingChoice {
  shared: boolean;
  /** one worker's time per token over the shared time per token (medians); >1: sharing is faster */
  speedup: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export class SharingTrial {
  private readonly steps = { shared: 0, alone: 0 };
  private readonly perToken = { shared: [] as number[], alone: [] as number[] };
  /** null until both ways are measured */
  choice: SharingChoice | null = null;

  /** The way the next shareable step runs: alternating until the choice, then the faster. */
  next(): SharingWay {
    if (this.choice) return this.choice.shared ? 'shared' : 'alone';
    return this.steps.shared <= this.steps.alone ? 'shared' : 'alone';
  }

  /** A shareable step ran `way` in `ms` for `tokens` source tokens. */
  record(way: SharingWay, ms: number, tokens: number): void {
    if (this.choice) return;
    // the first step of each way is not timed: it compiles kernels and warms the workers up
    if (this.steps[way]++ > 0) this.perToken[way].push(ms / Math.max(1, tokens));
    const { shared, alone } = this.perToken;
    if (shared.length < TRIAL_SAMPLES || alone.length < TRIAL_SAMPLES) return;
    const speedup = median(alone) / median(shared);
    this.choice = { shared: speedup > 1, speedup };
  }
}
