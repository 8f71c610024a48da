import * as tf from '@tensorflow/tfjs-core';
import { seq2seqLoss, type Seq2SeqModel } from '../seq2seq';
import type { Batch } from '../../core/dsi/examples';
import { applyClippedGradients } from './clipGradients';
import type { Optimizer } from './optimizers';

/** Forward, backward and one optimizer update; returns the loss (read back asynchronously). */
export async function trainStep(
  model: Seq2SeqModel,
  optimizer: Optimizer,
  batch: Batch,
  lr: number,
  /** weight λ of the distillation term, for batches that carry teacher distributions */
  distillWeight = 0,
): Promise<number> {
  const { srcLen, tgtLen } = batch;
  const vars = [...model.params.values()];
  const lossTensor = tf.tidy(() => {
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
    const { value, grads } = tf.variableGrads(
      () => seq2seqLoss(model, src, tgtIn, targets, weights, teacher),
      vars,
    );
    applyClippedGradients(optimizer, vars, grads, lr);
    return value;
  });
  const loss = (await lossTensor.data())[0];
  lossTensor.dispose();
  return loss;
}
