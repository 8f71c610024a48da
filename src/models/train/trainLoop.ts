import * as tf from '@tensorflow/tfjs-core';
import { nextTask, TrainControl, type EvalPoint, type TrainProgress } from './control';
import { learningRateAt, type LrScheduleParams } from './schedule';

/** What one optimizer step did. */
export interface StepResult {
  loss: number;
  /** examples (rows) in the batch */
  examples: number;
  /** real source + target tokens, for tokens/s */
  tokens: number;
}

/** A model's side of training: its batches, its step, its evaluation. */
export interface TrainingTask<B> {
  /** the batches of epoch `epoch` (0-based), in the order they are trained */
  batchesOf(epoch: number): B[] | Promise<B[]>;
  /** forward, backward and one update on `batch` at learning rate `lr`; `step` is 0-based */
  step(batch: B, lr: number, step: number): Promise<StepResult>;
  /**
   * Called after epoch `epoch` (1-based) when evaluation is due (every `evalEveryEpochs`, and
   * after the last epoch when `evaluateLast`); null when there was nothing to evaluate.
   */
  evaluate?(epoch: number, step: number): Promise<EvalPoint | null>;
}

export interface LoopSettings {
  epochs: number;
  lr: Omit<LrScheduleParams, 'totalSteps'>;
  /** optimizer steps in one epoch (for the schedule and the ETA) */
  stepsPerEpoch: number;
  /** evaluate every this many epochs (0 = never during the run) */
  evalEveryEpochs: number;
  /** evaluate after the last epoch too */
  evaluateLast: boolean;
  /**
   * stop after this many optimizer steps, mid-epoch if need be (a fixed training budget); the
   * schedule then decays over these steps. Default: every step of every epoch
   */
  maxSteps?: number;
}

export interface LoopCallbacks {
  onProgress?(p: TrainProgress): void;
  onEval?(e: EvalPoint): void;
}

export interface LoopOutcome {
  losses: number[];
  evals: EvalPoint[];
  steps: number;
  /** examples trained on (rows of every batch stepped) */
  examples: number;
  /** training speed, evaluation time excluded */
  speed: { examplesPerSec: number; tokensPerSec: number; seconds: number };
}

/**
 * The one training loop every model uses (generative, dense, query generator): epochs of batches,
 * warm-up + cosine learning rate, progress with speed and ETA after each step, pause / resume /
 * cancel between steps (other messages, e.g. searches, run there too), evaluation when due.
 */
export async function runTrainingLoop<B>(
  task: TrainingTask<B>,
  settings: LoopSettings,
  cb: LoopCallbacks,
  control: TrainControl,
): Promise<LoopOutcome> {
  const limit = settings.maxSteps ?? Infinity;
  const totalSteps = Math.max(1, Math.min(limit, settings.stepsPerEpoch * settings.epochs));
  const schedule = { ...settings.lr, totalSteps };
  const losses: number[] = [];
  const evals: EvalPoint[] = [];
  let trainMs = 0;
  let examplesDone = 0;
  let tokensDone = 0;
  let step = 0;
  for (let epoch = 0; epoch < settings.epochs && step < limit && !control.cancelled; epoch++) {
    const batches = await task.batchesOf(epoch);
    for (let b = 0; b < batches.length && step < limit && !control.cancelled; b++) {
      await control.waitWhilePaused();
      if (control.cancelled) break;
      const t0 = performance.now();
      const lr = learningRateAt(step, schedule);
      const result = await task.step(batches[b], lr, step);
      trainMs += performance.now() - t0;
      examplesDone += result.examples;
      tokensDone += result.tokens;
      losses.push(result.loss);
      step++;
      const seconds = trainMs / 1000;
      cb.onProgress?.({
        step,
        totalSteps,
        epoch: epoch + (b + 1) / batches.length,
        epochs: settings.epochs,
        loss: result.loss,
        lr,
        examplesPerSec: examplesDone / seconds,
        tokensPerSec: tokensDone / seconds,
        elapsedSec: seconds,
        etaSec: (seconds / step) * Math.max(0, totalSteps - step),
        memoryBytes: tf.memory().numBytes,
      });
      await nextTask(); // let pause/cancel/search messages in between steps
    }
    if (control.cancelled || !task.evaluate) continue;
    const last = epoch === settings.epochs - 1 || step >= limit;
    const due = settings.evalEveryEpochs > 0 && (epoch + 1) % settings.evalEveryEpochs === 0;
    if (last ? settings.evaluateLast : due) {
      const point = await task.evaluate(epoch + 1, step);
      if (point) {
        evals.push(point);
        cb.onEval?.(point);
      }
    }
  }
  const seconds = trainMs / 1000;
  return {
    losses,
    evals,
    steps: step,
    examples: examplesDone,
    speed: {
      examplesPerSec: examplesDone / Math.max(seconds, 1e-9),
      tokensPerSec: tokensDone / Math.max(seconds, 1e-9),
      seconds,
    },
  };
}
