import * as tf from '@tensorflow/tfjs-core';

/** Layer normalisation over the last axis (ε = 1e-5, as PyTorch). */
export function layerNorm(x: tf.Tensor, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return x
    .sub(mean)
    .mul(tf.rsqrt(variance.add(1e-5)))
    .mul(gain)
    .add(bias);
}

/**
 * a · b for 2-D a and b whose gradients transpose explicitly, dA = dy · transpose(b) and
 * dB = transpose(a) · dy: the wasm backend multiplies with a transpose flag several times more
 * slowly than it transposes and then multiplies plainly (most of a training step's time).
 */
export const matMulExplicitGrad = tf.customGrad((a, b, save) => {
  (save as tf.GradSaveFunc)([a as tf.Tensor, b as tf.Tensor]);
  return {
    value: tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
    gradFunc: (dy, [sa, sb]) => [
      tf.matMul(dy as tf.Tensor2D, tf.transpose(sb)),
      tf.matMul(tf.transpose(sa), dy as tf.Tensor2D),
    ],
  };
});

/** x · W + b for x of any rank (the last axis is the feature axis). */
export function linear(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const shape = x.shape;
  const flat = x.reshape([-1, shape[shape.length - 1]]);
  const product =
    tf.getBackend() === 'wasm' ? matMulExplicitGrad(flat, w) : flat.matMul(w as tf.Tensor2D);
  return product.add(b).reshape([...shape.slice(0, -1), w.shape[1]!]);
}

/**
 * Additive attention mask [batch, 1, 1, keys]: 0 where the key is a real token, a large negative
 * number where it is padding.
 */
export function paddingMask(keyValid: tf.Tensor2D): tf.Tensor4D {
  const [batch, keys] = keyValid.shape;
  return tf.sub(1, keyValid).mul(-1e9).reshape([batch, 1, 1, keys]);
}

/** Additive causal mask [1, 1, len, len]: position i may attend to positions ≤ i only. */
export function causalMask(len: number): tf.Tensor4D {
  const lower = tf.linalg.bandPart(tf.ones([len, len]), -1, 0);
  return tf.sub(1, lower).mul(-1e9).reshape([1, 1, len, len]);
}
