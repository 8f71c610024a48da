import * as tf from '@tensorflow/tfjs';
import { seq2seqLoss, type Seq2SeqModel } from '../seq2seq';
import type { Batch } from '../../core/dsi/examples';
import type { Optimizer } from './optimizers';

/** Global-norm gradient clipping threshold; keeps the first steps of a fresh model stable. */
const CLIP_NORM = 1.0;

/** Forward, backward and one optimizer update; returns the loss (read back asynchronously). */
export async function trainStep(
  model: Seq2SeqModel,
  optimizer: Optimizer,
  batch: Batch,
  lr: number,
): Promise<number> {
  const { srcLen, tgtLen } = batch;
  const vars = [...model.params.values()];
  const lossTensor = tf.tidy(() => {
    const src = tf.tensor2d(batch.src, [batch.size, srcLen], 'int32');
    const tgtIn = tf.tensor2d(batch.tgtIn, [batch.size, tgtLen], 'int32');
    const targets = tf.tensor2d(batch.targets, [batch.size, tgtLen], 'int32');
    const weights = tf.tensor2d(batch.weights, [batch.size, tgtLen]);
    const { value, grads } = tf.variableGrads(
      () => seq2seqLoss(model, src, tgtIn, targets, weights),
      vars,
    );
    const names = Object.keys(grads);
    const norm = tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n])))));
    const scale = tf.minimum(1, tf.div(CLIP_NORM, tf.maximum(norm, 1e-6)));
    const byVar = new Map<tf.Variable, tf.Tensor>();
    for (const v of vars) byVar.set(v, grads[v.name].mul(scale));
    optimizer.apply(byVar, lr);
    return value;
  });
  const loss = (await lossTensor.data())[0];
  lossTensor.dispose();
  return loss;
}
