import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyClippedGradients } from './clipGradients';
import { createFlatOptimizer } from './flatOptimizer';
import { createOptimizer, DEFAULT_OPTIMIZER, type OptimizerParams } from './optimizers';

const shapes = [[3, 4], [4], [2, 2, 2], [5]];

/** Three steps of the tensor optimizer and of the flat one from the same weights and gradients. */
function bothOptimizers(p: OptimizerParams, seed: number, gradScale: number) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const vars = shapes.map((shape) =>
    tf.variable(
      tf.tensor(Float32Array.from({ length: tf.util.sizeFromShape(shape) }, next), shape),
    ),
  );
  const flat = new Float32Array(vars.flatMap((x) => [...x.dataSync()]));
  const tensorOpt = createOptimizer(p);
  const flatOpt = createFlatOptimizer(
    p,
    vars.map((x) => ({ size: x.size, rank: x.rank })),
  );
  for (let step = 0; step < 3; step++) {
    const grads = vars.map((x) => Float32Array.from({ length: x.size }, () => next() * gradScale));
    tf.tidy(() => {
      const named: tf.NamedTensorMap = {};
      vars.forEach((x, i) => (named[x.name] = tf.tensor(grads[i], x.shape)));
      applyClippedGradients(tensorOpt, vars, named, 0.01);
    });
    flatOpt.step(flat, new Float32Array(grads.flatMap((g) => [...g])), 0.01);
  }
  const expected = new Float32Array(vars.flatMap((x) => [...x.dataSync()]));
  tensorOpt.dispose();
  tf.dispose(vars);
  return { expected, flat };
}

describe('the flat optimizer', () => {
  for (const name of ['adam', 'lion'] as const) {
    it(`updates weights as the tensor ${name} does, clipped or not`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10_000 }),
          fc.constantFrom(0.01, 10),
          (seed, gradScale) => {
            const p = { ...DEFAULT_OPTIMIZER, name, beta2: name === 'lion' ? 0.99 : 0.999 };
            const { expected, flat } = bothOptimizers(p, seed, gradScale);
            expected.forEach((x, i) => expect(flat[i]).toBeCloseTo(x, 4));
          },
        ),
        { numRuns: 20 },
      );
    });
  }

  it('refuses arrays of the wrong length', () => {
    const opt = createFlatOptimizer(DEFAULT_OPTIMIZER, [{ size: 3, rank: 1 }]);
    expect(() => opt.step(new Float32Array(2), new Float32Array(3), 0.1)).toThrow(/expected 3/);
  });
});
