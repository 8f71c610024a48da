import * as tf from '@tensorflow/tfjs-core';
import { linear } from './ops';
import type { ParamFactory } from './params';

export interface AttentionWeights {
  wq: tf.Variable;
  bq: tf.Variable;
  wk: tf.Variable;
  bk: tf.Variable;
  wv: tf.Variable;
  bv: tf.Variable;
  wo: tf.Variable;
  bo: tf.Variable;
}

export function createAttention(f: ParamFactory, prefix: string, d: number): AttentionWeights {
  return {
    wq: f.dense(`${prefix}.wq`, d, d),
    bq: f.constant(`${prefix}.bq`, [d], 0),
    wk: f.dense(`${prefix}.wk`, d, d),
    bk: f.constant(`${prefix}.bk`, [d], 0),
    wv: f.dense(`${prefix}.wv`, d, d),
    bv: f.constant(`${prefix}.bv`, [d], 0),
    wo: f.dense(`${prefix}.wo`, d, d),
    bo: f.constant(`${prefix}.bo`, [d], 0),
  };
}

/** [batch, len, d] → [batch, heads, len, d / heads] */
function splitHeads(x: tf.Tensor, heads: number): tf.Tensor4D {
  const [batch, len, d] = x.shape;
  return x.reshape([batch, len, heads, d! / heads]).transpose([0, 2, 1, 3]) as tf.Tensor4D;
}

/**
 * Multi-head scaled dot-product attention of `query` [batch, q, d] over `memory` [batch, k, d].
 * `mask` is additive and broadcasts to [batch, heads, q, k].
 */
export function multiHeadAttention(
  w: AttentionWeights,
  query: tf.Tensor,
  memory: tf.Tensor,
  heads: number,
  mask: tf.Tensor | null,
): tf.Tensor {
  const [batch, qLen, d] = query.shape;
  const q = splitHeads(linear(query, w.wq, w.bq), heads);
  const k = splitHeads(linear(memory, w.wk, w.bk), heads);
  const v = splitHeads(linear(memory, w.wv, w.bv), heads);
  let scores = tf.matMul(q, k, false, true).mul(1 / Math.sqrt(d! / heads));
  if (mask) scores = scores.add(mask);
  const context = tf
    .matMul(tf.softmax(scores), v)
    .transpose([0, 2, 1, 3])
    .reshape([batch, qLen, d!]);
  return linear(context, w.wo, w.bo);
}
