/** Where a student is in the guided path, kept in the browser so the Learn tab resumes there. */
export interface LearnProgress {
  /** the open step, 0-based */
  step: number;
  /** the student pressed Skip (the tab says so, and the path waits there) */
  skipped: boolean;
}

export const LEARN_PROGRESS_KEY = 'genir-playground.learn';

export const LEARN_START: LearnProgress = { step: 0, skipped: false };

/** The saved progress for a path of `steps` steps; the start when none is saved or it is unreadable. */
export function readLearnProgress(
  storage: Pick<Storage, 'getItem'> | undefined,
  steps: number,
): LearnProgress {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(LEARN_PROGRESS_KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return LEARN_START;
    const { step, skipped } = saved as Record<string, unknown>;
    return {
      step: Number.isInteger(step) ? Math.min(Math.max(step as number, 0), steps - 1) : 0,
      skipped: skipped === true,
    };
  } catch {
    // storage blocked (private mode, policy) or a value that is not JSON
    return LEARN_START;
  }
}

/** Save the progress; where storage is blocked the path simply starts over next time. */
export function writeLearnProgress(
  storage: Pick<Storage, 'setItem'> | undefined,
  progress: LearnProgress,
): void {
  try {
    storage?.setItem(LEARN_PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // nothing to do: the progress lives on in the page until it closes
  }
}
