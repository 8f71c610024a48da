import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureStepTimes } from './speedBenchmark';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the backend probe’s step timing', () => {
  it('times a training step and a decoding step and frees every tensor it made', async () => {
    const before = tf.memory().numTensors;
    const times = await measureStepTimes(
      {
        srcVocab: 50,
        tgtVocab: 12,
        dModel: 16,
        heads: 2,
        dFF: 32,
        encoderLayers: 1,
        decoderLayers: 1,
        srcLen: 8,
        tgtLen: 4,
        seed: 1,
      },
      4,
      3,
      2,
    );
    expect(times.trainStepMs).toBeGreaterThan(0);
    expect(times.decodeStepMs).toBeGreaterThan(0);
    expect(Number.isFinite(times.trainStepMs + times.decodeStepMs)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
