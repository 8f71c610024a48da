import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linear, matMulExplicitGrad } from './ops';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Gradients of sum(f(a, b) · weights) with respect to a and b. */
function gradsOf(f: (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor) {
  return tf.tidy(() => {
    const a = tf.tensor2d([1, -2, 3, 0.5, 4, -1], [3, 2]);
    const b = tf.tensor2d([2, 1, -1, 0.5, 3, -2, 1, 1], [2, 4]);
    const weights = tf.range(0, 12).reshape([3, 4]);
    const [ga, gb] = tf.grads((x, y) =>
      f(x as tf.Tensor2D, y as tf.Tensor2D)
        .mul(weights)
        .sum(),
    )([a, b]);
    return [ga.arraySync(), gb.arraySync()];
  });
}

describe('matMulExplicitGrad', () => {
  it('has the value and the gradients of a plain matMul', () => {
    const plain = gradsOf((a, b) => tf.matMul(a, b));
    const explicit = gradsOf((a, b) => matMulExplicitGrad(a, b));
    expect(explicit).toEqual(plain);
    const value = tf.tidy(() =>
      matMulExplicitGrad(tf.tensor2d([1, 2], [1, 2]), tf.tensor2d([3, 4], [2, 1])).arraySync(),
    );
    expect(value).toEqual([[11]]);
  });

  it('linear on the wasm backend (which uses it) matches the cpu backend', async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    const run = () =>
      tf.tidy(() => {
        const x = tf.tensor3d([1, -2, 3, 0.5, 4, -1], [1, 3, 2]);
        const w = tf.tensor2d([2, 1, -1, 0.5, 3, -2], [2, 3]);
        const b = tf.tensor1d([0.1, 0.2, 0.3]);
        const [gx, gw] = tf.grads((x, w) => linear(x, w, b).square().sum())([x, w]);
        return [linear(x, w, b).arraySync(), gx.arraySync(), gw.arraySync()];
      });
    const onCpu = run();
    await tf.setBackend('wasm');
    const onWasm = run();
    const flat = (x: unknown): number[] => (Array.isArray(x) ? x.flatMap(flat) : [x as number]);
    const expected = flat(onCpu);
    const got = flat(onWasm);
    expect(got).toHaveLength(expected.length);
    got.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 4));
  });
});
