import * as tf from '@tensorflow/tfjs-core';
import { seq2seqLoss, type Seq2SeqModel } from '../seq2seq';
import type { Batch } from '../../core/dsi/examples';
import type { LossNorm } from '../../core/dsi/splitBatch';
import { applyClippedGradients } from './clipGradients';
import type { Optimizer, OptimizerParams } from './optimizers';
import type { SharingChoice } from './sharingTrial';

/**
 * The loss on `batch` and its gradients for every parameter (keyed by variable name). Call inside
 * tf.tidy. `norm`: the whole batch's normalisers when `batch` is one part of it.
 */
export function batchGradients(
  model: Seq2SeqModel,
  batch: Batch,
  distillWeight: number,
  norm?: LossNorm,
): { value: tf.Scalar; grads: tf.NamedTensorMap } {
  const { srcLen, tgtLen } = batch;
  const src = tf.tensor2d(batch.src, [batch.size, srcLen], 'int32');
  const tgtIn = tf.tensor2d(batch.tgtIn, [batch.size, tgtLen], 'int32');
  const targets = tf.tensor2d(batch.targets, [batch.size, tgtLen], 'int32');
  const weights = tf.tensor2d(batch.weights, [batch.size, tgtLen]);
  const vocab = model.config.tgtVocab;
  const teacher =
    batch.teacher && batch.teacherRows && distillWeight > 0
      ? {
          targets: tf.tensor2d(batch.teacher, [batch.size, vocab]),
          rows: tf.tensor1d(batch.teacherRows),
          weight: distillWeight,
        }
      : undefined;
  return tf.variableGrads(
    () => seq2seqLoss(model, src, tgtIn, targets, weights, teacher, norm),
    [...model.params.values()],
  );
}

/** Forward, backward and one optimizer update; returns the loss (read back asynchronously). */
export async function trainStep(
  model: Seq2SeqModel,
  optimizer: Optimizer,
  batch: Batch,
  lr: number,
  /** weight λ of the distillation term, for batches that carry teacher distributions */
  distillWeight = 0,
): Promise<number> {
  const lossTensor = tf.tidy(() => {
    const { value, grads } = batchGradients(model, batch, distillWeight);
    applyClippedGradients(optimizer, [...model.params.values()], grads, lr);
    return value;
  });
  const loss = (await lossTensor.data())[0];
  lossTensor.dispose();
  return loss;
}

/** One optimizer step on a batch, for a model and optimizer the caller holds. */
export type StepFn = (batch: Batch, lr: number, distillWeight: number) => Promise<number>;

/** A share of a model's training with other workers: its step, and `done` to free their models. */
export interface SharedTraining {
  step: StepFn;
  /** workers sharing each batch, this one among them */
  workers: number;
  /** whether sharing measured faster than one worker (null: not measured, or not yet) */
  choice(): SharingChoice | null;
  /**
   * local SGD (localSgd.ts): batches between averagings of the workers' copies of the model;
   * undefined: each batch shared (dataParallel.ts)
   */
  localSgdPeriod?: number;
  /** Put the workers' averaged model into the model (local SGD; before it is evaluated). */
  sync?(): Promise<void>;
  done(): Promise<void>;
}

/**
 * Start sharing a model's training steps with other workers (null: train alone). With `trial`
 * (the default) the first steps measure whether sharing pays, and it is dropped if not
 * (sharingTrial.ts); without, every long enough batch is shared (the speed benchmark).
 */
export type ShareTraining = (
  model: Seq2SeqModel,
  optimizer: OptimizerParams,
  options?: { trial?: boolean },
) => Promise<SharedTraining | null>;
