import type { TrainProgress } from '../models/train/control';

/** How often, at most, a training run's progress reaches the store (and so the panels). */
export const PROGRESS_INTERVAL_MS = 200;

export interface ProgressBatcher {
  /** one step's progress, as the engine reports it */
  push(progress: TrainProgress): void;
  /** hand over what is pending now (before an evaluation point, and when the run ends) */
  flush(): void;
}

/**
 * Steps of a small model come from the engine tens of times a second. Each store update redraws
 * the Index panel and its loss chart and copies the loss curve; at that rate the page's thread
 * allocates megabytes a second, and its garbage collections, slowed by the busy cores, became
 * tasks of 50-90 ms (a dense run on 50,000 documents). So the steps are gathered and handed over
 * at most every `intervalMs`: the newest progress, with every loss since the last hand-over, so
 * the curve still has one point per step.
 */
export function batchProgress(
  deliver: (latest: TrainProgress, losses: number[]) => void,
  intervalMs = PROGRESS_INTERVAL_MS,
): ProgressBatcher {
  let latest: TrainProgress | null = null;
  let losses: number[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const handOver = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!latest) return;
    const [progress, batch] = [latest, losses];
    latest = null;
    losses = [];
    deliver(progress, batch);
  };
  return {
    push(progress) {
      latest = progress;
      losses.push(progress.loss);
      timer ??= setTimeout(handOver, intervalMs);
    },
    flush: handOver,
  };
}
