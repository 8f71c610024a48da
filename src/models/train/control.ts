// What every training loop reports and how the worker steers it: shared by the generative (DSI)
// and the dense (dual-encoder) trainers, so the page shows both with the same widgets.

export interface TrainProgress {
  step: number;
  totalSteps: number;
  epoch: number;
  epochs: number;
  loss: number;
  lr: number;
  examplesPerSec: number;
  tokensPerSec: number;
  elapsedSec: number;
  etaSec: number;
  /** bytes held by TF.js tensors (GPU memory on webgpu/webgl) */
  memoryBytes: number;
}

export interface EvalPoint {
  step: number;
  epoch: number;
  queries: number;
  metrics: Record<string, number>;
}

/** Pause, resume and cancel from outside the loop (the worker's RPC flips these). */
export class TrainControl {
  paused = false;
  cancelled = false;
  private resume: (() => void) | null = null;

  pause() {
    this.paused = true;
  }

  unpause() {
    this.paused = false;
    this.resume?.();
    this.resume = null;
  }

  cancel() {
    this.cancelled = true;
    this.unpause();
  }

  async waitWhilePaused(): Promise<void> {
    while (this.paused && !this.cancelled) await new Promise<void>((r) => (this.resume = r));
  }
}

/** Yield to the event loop so pause/cancel/search messages get in between steps. */
export const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));
