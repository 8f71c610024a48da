import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../../core/dsi/examples';
import { createSeq2Seq, disposeSeq2Seq, type Seq2SeqConfig } from '../seq2seq';
import {
  createGradientHelper,
  dataParallelStepper,
  partsFor,
  readWeights,
  writeWeights,
  type GradientHelper,
} from './dataParallel';
import { createOptimizer, DEFAULT_OPTIMIZER } from './optimizers';
import { batchGradients, trainStep } from './trainStep';
import { lossNorm, splitBatch } from '../../core/dsi/splitBatch';
import { SharingTrial, TRIAL_SAMPLES } from './sharingTrial';
import { randomBatch } from './randomBatch.fixture';

const config: Seq2SeqConfig = {
  srcVocab: 30,
  tgtVocab: 7,
  dModel: 16,
  heads: 2,
  dFF: 32,
  encoderLayers: 1,
  decoderLayers: 1,
  srcLen: 6,
  tgtLen: 3,
  seed: 3,
};

/** `size` rows of random ids with padding and uneven target weights; teacher rows when asked. */
const batchOf = (size: number, seed: number, teacher: boolean): Batch =>
  randomBatch(config, size, seed, teacher);

/** Train one model on one worker and a twin with `helpers`; the losses and weights after. */
async function trainTwins(helpers: GradientHelper[], teacher: boolean, sizes: number[]) {
  const one = createSeq2Seq(config);
  const shared = createSeq2Seq(config);
  const optOne = createOptimizer(DEFAULT_OPTIMIZER);
  for (const h of helpers) await h.prepare(config);
  // every batch shared, however small (the page shares only long ones: MIN_PART_TOKENS)
  const step = dataParallelStepper(shared, DEFAULT_OPTIMIZER, helpers, { minPartTokens: 1 });
  try {
    const losses: [number, number][] = [];
    for (const [i, size] of sizes.entries()) {
      const batch = batchOf(size, i, teacher);
      losses.push([await trainStep(one, optOne, batch, 1e-2, 0.5), await step(batch, 1e-2, 0.5)]);
    }
    return { losses, weights: [readWeights(one), readWeights(shared)] };
  } finally {
    optOne.dispose();
    disposeSeq2Seq(one);
    disposeSeq2Seq(shared);
    for (const h of helpers) await h.release();
  }
}

const maxDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

describe('data-parallel training', () => {
  it('measures whether sharing pays and, where helpers are slower, trains on this worker alone', async () => {
    let clock = 0;
    let helperCalls = 0;
    const real = createGradientHelper();
    // a helper whose every part takes 1,000 ms on the trial's clock; this worker's take none
    const slow: GradientHelper = {
      ...real,
      gradients: async (...args) => {
        helperCalls++;
        clock += 1000;
        return real.gradients(...args);
      },
    };
    await slow.prepare(config);
    const model = createSeq2Seq(config);
    const trial = new SharingTrial();
    const step = dataParallelStepper(model, DEFAULT_OPTIMIZER, [slow], {
      minPartTokens: 1,
      trial,
      now: () => clock,
    });
    for (let i = 0; i < 2 * (TRIAL_SAMPLES + 1); i++) await step(batchOf(8, i, false), 1e-2, 0);
    expect(trial.choice).toEqual({ shared: false, speedup: 0 });
    expect(helperCalls).toBe(TRIAL_SAMPLES + 1);
    for (let i = 0; i < 3; i++) await step(batchOf(8, i, false), 1e-2, 0);
    expect(helperCalls).toBe(TRIAL_SAMPLES + 1);
    await slow.release();
    disposeSeq2Seq(model);
  });

  for (const helpers of [0, 1, 2, 3]) {
    for (const teacher of [false, true]) {
      it(`follows single-worker training with ${helpers} helper(s)${teacher ? ', distilling' : ''}`, async () => {
        const pool = Array.from({ length: helpers }, createGradientHelper);
        // batches of uneven size, one smaller than the number of workers
        const { losses, weights } = await trainTwins(pool, teacher, [9, 8, 2, 7]);
        for (const [a, b] of losses) expect(b).toBeCloseTo(a, 4);
        // Adam divides by the gradient's running size, so float rounding in the sum of parts
        // can move a weight whose gradient is near zero by up to a fraction of lr (1e-2 here)
        expect(maxDiff(weights[0], weights[1])).toBeLessThan(1e-3);
        // and training moved the weights at all
        const start = createSeq2Seq(config);
        expect(maxDiff(readWeights(start), weights[1])).toBeGreaterThan(1e-3);
        disposeSeq2Seq(start);
      });
    }
  }

  for (const parts of [2, 3, 5]) {
    it(`adds the parts' gradients up to the whole batch's (${parts} parts)`, async () => {
      const model = createSeq2Seq(config);
      const batch = batchOf(11, 7, true);
      const norm = lossNorm(batch);
      const whole = tf.tidy(() => {
        const { value, grads } = batchGradients(model, batch, 0.5);
        return tf.concat([
          value.reshape([1]),
          ...[...model.params.values()].map((v) => grads[v.name].reshape([-1])),
        ]);
      });
      const expected = (await whole.data()) as Float32Array;
      whole.dispose();
      const helper = createGradientHelper();
      await helper.prepare(config);
      const sum = new Float32Array(expected.length);
      for (const part of splitBatch(batch, parts)) {
        const { loss, grads } = await helper.gradients(readWeights(model), part, norm, 0.5);
        sum[0] += loss;
        grads.forEach((g, i) => (sum[i + 1] += g));
      }
      await helper.release();
      disposeSeq2Seq(model);
      const scale = expected.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      expect(scale).toBeGreaterThan(1e-3);
      expect(maxDiff(expected, sum)).toBeLessThan(1e-5 * Math.max(1, scale));
    });
  }

  it('shares a batch only where each part gets enough source tokens', () => {
    const batch = (size: number, srcLen: number) => ({ ...batchOf(size, 0, false), size, srcLen });
    expect(partsFor(batch(32, 48), 2)).toBe(2);
    expect(partsFor(batch(32, 48), 4)).toBe(2);
    expect(partsFor(batch(32, 12), 2)).toBe(1);
    expect(partsFor(batch(32, 40), 2)).toBe(2);
    expect(partsFor(batch(32, 39), 2)).toBe(1);
    expect(partsFor(batch(3, 6), 4, 1)).toBe(4);
    expect(partsFor(batch(1, 1), 4)).toBe(1);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await trainTwins([createGradientHelper()], true, [5, 4]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('moves weights between models by their flat layout, and refuses a wrong length', () => {
    const a = createSeq2Seq(config);
    const b = createSeq2Seq({ ...config, seed: 9 });
    writeWeights(b, readWeights(a));
    expect(maxDiff(readWeights(a), readWeights(b))).toBe(0);
    expect(() => writeWeights(b, new Float32Array(3))).toThrow(/3 weights for a model of/);
    disposeSeq2Seq(a);
    disposeSeq2Seq(b);
  });

  it('says when a helper has no model', async () => {
    const h = createGradientHelper();
    const batch = batchOf(2, 0, false);
    await expect(
      h.gradients(new Float32Array(1), batch, { targetWeight: 1, teacherRows: 1 }, 0),
    ).rejects.toThrow(/prepare it first/);
  });
});
