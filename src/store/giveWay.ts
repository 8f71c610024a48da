/** Why a background run ended without its result. */
export type GaveWay = { gaveWay: true };

/**
 * Background work that gives way to work a person asked for (the backend probe to a corpus load):
 * `hold()` stops the run under way (its `run` resolves `{ gaveWay: true }`) and keeps new runs
 * from starting; the last `release()` starts it again (`restart`) if it was stopped or wanted
 * while held. Holds nest: two loads at once release the work when both are done.
 */
export class GiveWay {
  private holds = 0;
  private stopRun: (() => void) | null = null;
  private wanted = false;

  constructor(private readonly restart: () => void) {}

  /** Whether something holds the work back now. */
  get held(): boolean {
    return this.holds > 0;
  }

  /**
   * Run `work` unless held (then it is remembered for `release`). When a hold stops it, `onStop`
   * frees what it uses (a worker to terminate) and its promise is no longer awaited.
   */
  async run<T>(work: () => Promise<T>, onStop: () => void): Promise<T | GaveWay> {
    if (this.held) {
      this.wanted = true;
      return { gaveWay: true };
    }
    const stopped = new Promise<GaveWay>((resolve) => {
      this.stopRun = () => {
        onStop();
        resolve({ gaveWay: true });
      };
    });
    try {
      return await Promise.race([work(), stopped]);
    } finally {
      this.stopRun = null;
    }
  }

  hold(): void {
    this.holds++;
    if (this.stopRun) {
      this.wanted = true;
      this.stopRun();
    }
  }

  release(): void {
    if (this.holds === 0) return;
    this.holds--;
    if (this.holds === 0 && this.wanted) {
      this.wanted = false;
      this.restart();
    }
  }
}

export function gaveWay(x: unknown): x is GaveWay {
  return typeof x === 'object' && x !== null && (x as GaveWay).gaveWay === true;
}
