import { describe, expect, it } from 'vitest';
import { createSeq2Seq, disposeSeq2Seq, type Seq2SeqConfig } from '../seq2seq';
import { dataParallelStepper, readWeights } from './dataParallel';
import { createReplicaHelper, localSgdStepper } from './localSgd';
import { DEFAULT_OPTIMIZER } from './optimizers';
import { randomBatch } from './randomBatch.fixture';

const config: Seq2SeqConfig = {
  srcVocab: 25,
  tgtVocab: 6,
  dModel: 8,
  heads: 2,
  dFF: 16,
  encoderLayers: 0,
  decoderLayers: 1,
  srcLen: 5,
  tgtLen: 2,
  seed: 7,
};

const batches = [0, 1, 2, 3].map((i) => randomBatch(config, 3, 10 + i));
const largestGap = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

describe('local SGD', () => {
  it('with no helper, trains as one worker does (the flat optimizer, every batch in turn)', async () => {
    const a = createSeq2Seq(config);
    const b = createSeq2Seq(config);
    try {
      const local = localSgdStepper(a, DEFAULT_OPTIMIZER, []);
      const alone = dataParallelStepper(b, DEFAULT_OPTIMIZER, []);
      for (const batch of batches) {
        expect(await local.step(batch, 1e-2, 0)).toBeCloseTo(await alone(batch, 1e-2, 0), 6);
      }
      await local.sync();
      expect(largestGap(readWeights(a), readWeights(b))).toBe(0);
    } finally {
      disposeSeq2Seq(a);
      disposeSeq2Seq(b);
    }
  });

  it('with a helper, two copies train on alternate batches and the model becomes their average', async () => {
    const model = createSeq2Seq(config);
    const start = readWeights(model);
    // the same run by hand: two copies from the same weights, batches 0 and 2 on one, 1 and 3 on
    // the other, then the mean of their weights
    const first = createReplicaHelper();
    const second = createReplicaHelper();
    const helper = createReplicaHelper();
    try {
      await first.startReplica(config, DEFAULT_OPTIMIZER, start.slice());
      await second.startReplica(config, DEFAULT_OPTIMIZER, start.slice());
      for (const [i, batch] of batches.entries())
        await (i % 2 === 0 ? first : second).replicaStep(batch, 1e-2, 0);
      const [w1, w2] = [await first.replicaWeights(), await second.replicaWeights()];
      const mean = w1.map((x, i) => (x + w2[i]) / 2);
      expect(largestGap(w1, w2)).toBeGreaterThan(1e-4);

      // averaged after every 4 batches: here, once at the end
      const local = localSgdStepper(model, DEFAULT_OPTIMIZER, [helper], 4);
      for (const batch of batches)
        expect(Number.isFinite(await local.step(batch, 1e-2, 0))).toBe(true);
      expect(largestGap(readWeights(model), mean)).toBeLessThan(1e-6);
      // the helper's copy goes on from the average
      expect(largestGap(await helper.replicaWeights(), readWeights(model))).toBe(0);
    } finally {
      for (const r of [first, second, helper]) await r.releaseReplica();
      disposeSeq2Seq(model);
    }
  });

  it('averages only when asked between two averagings, and a helper copy must be started first', async () => {
    const model = createSeq2Seq(config);
    const helper = createReplicaHelper();
    try {
      await expect(helper.replicaStep(batches[0], 1e-2, 0)).rejects.toThrow(/start it first/);
      const before = readWeights(model);
      const local = localSgdStepper(model, DEFAULT_OPTIMIZER, [helper], 8);
      await local.step(batches[0], 1e-2, 0);
      await local.step(batches[1], 1e-2, 0);
      // two batches of eight: the model holds its own copy's step, not yet the average
      const own = readWeights(model);
      expect(largestGap(own, before)).toBeGreaterThan(0);
      await local.sync();
      const averaged = readWeights(model);
      expect(largestGap(averaged, own)).toBeGreaterThan(0);
      expect(largestGap(await helper.replicaWeights(), averaged)).toBe(0);
    } finally {
      await helper.releaseReplica();
      disposeSeq2Seq(model);
    }
  });
});
