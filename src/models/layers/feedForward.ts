import * as tf from '@tensorflow/tfjs-core';
import { linear } from './ops';
import type { ParamFactory } from './params';

export interface FeedForwardWeights {
  w1: tf.Variable;
  b1: tf.Variable;
  w2: tf.Variable;
  b2: tf.Variable;
}

export function createFeedForward(
  f: ParamFactory,
  prefix: string,
  d: number,
  dFF: number,
): FeedForwardWeights {
  return {
    w1: f.dense(`${prefix}.w1`, d, dFF),
    b1: f.constant(`${prefix}.b1`, [dFF], 0),
    w2: f.dense(`${prefix}.w2`, dFF, d),
    b2: f.constant(`${prefix}.b2`, [d], 0),
  };
}

/** Position-wise feed-forward with ReLU (the activation of PyTorch's nn.Transformer default). */
export function feedForward(w: FeedForwardWeights, x: tf.Tensor): tf.Tensor {
  return linear(tf.relu(linear(x, w.w1, w.b1)), w.w2, w.b2);
}
