import * as tf from '@tensorflow/tfjs-core';
import type { Optimizer } from './optimizers';

/** Global-norm gradient clipping threshold; keeps the first steps of a fresh model stable. */
export const CLIP_NORM = 1.0;

/**
 * Scale `grads` (keyed by variable name, as tf.variableGrads returns them) so their global norm is
 * at most `clipNorm`, then take one optimizer step. Call inside tf.tidy.
 */
export function applyClippedGradients(
  optimizer: Optimizer,
  vars: readonly tf.Variable[],
  grads: tf.NamedTensorMap,
  lr: number,
  clipNorm = CLIP_NORM,
): void {
  const names = Object.keys(grads);
  const norm = tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n])))));
  const scale = tf.minimum(1, tf.div(clipNorm, tf.maximum(norm, 1e-6)));
  const byVar = new Map<tf.Variable, tf.Tensor>();
  for (const v of vars) byVar.set(v, grads[v.name].mul(scale));
  optimizer.apply(byVar, lr);
}
