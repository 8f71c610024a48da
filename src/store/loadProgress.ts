/** How often, at most, a corpus load's progress reaches the store when its step stays the same. */
export const LOAD_PROGRESS_INTERVAL_MS = 250;

export interface LoadProgress {
  /** a progress report: shown now when its label is new or the last one is old enough */
  report(fraction: number, label: string): void;
  /** no more reports: a pending one is dropped */
  stop(): void;
}

/**
 * A 50 MB corpus reports its progress about 75 times in 4 s, and each report redraws the page:
 * on a software GPU those frames took about 0.9 s of the GPU process's CPU (per-thread CPU time
 * from /proc), on a machine with two cores. A new step (label) shows at once; within a step the
 * bar moves at most every `intervalMs`, the latest report winning.
 */
export function throttleLoadProgress(
  show: (fraction: number, label: string) => void,
  intervalMs = LOAD_PROGRESS_INTERVAL_MS,
  now: () => number = () => performance.now(),
): LoadProgress {
  let shownAt = -Infinity;
  let shownLabel: string | null = null;
  let pending: [number, string] | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const showNow = (fraction: number, label: string) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
    shownAt = now();
    shownLabel = label;
    show(fraction, label);
  };
  return {
    report(fraction, label) {
      if (stopped) return;
      const wait = shownAt + intervalMs - now();
      if (label !== shownLabel || wait <= 0) return showNow(fraction, label);
      pending = [fraction, label];
      timer ??= setTimeout(() => pending && showNow(...pending), wait);
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
