import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeq2Seq, decode, disposeSeq2Seq, encode, seq2seqLoss } from './seq2seq';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('seq2seqLoss with a distillation teacher', () => {
  it('adds λ × the mean cross-entropy of the first step against the teacher, over rows that have one', () => {
    const model = createSeq2Seq({
      srcVocab: 20,
      tgtVocab: 6,
      dModel: 8,
      heads: 2,
      dFF: 16,
      encoderLayers: 1,
      decoderLayers: 1,
      srcLen: 5,
      tgtLen: 3,
      seed: 4,
    });
    const before = tf.memory().numTensors;
    const src = tf.tensor2d([3, 4, 5, 0, 0, 7, 8, 0, 0, 0], [2, 5], 'int32');
    const tgtIn = tf.tensor2d([5, 1, 2, 5, 0, 4], [2, 3], 'int32');
    const targets = tf.tensor2d([1, 2, 4, 0, 4, 4], [2, 3], 'int32');
    const weights = tf.tensor2d([1, 1, 1, 1, 1, 0], [2, 3]);
    // row 0 has a teacher (60% token 1, 40% token 3); row 1 has none
    const teacher = {
      targets: tf.tensor2d([0, 0.6, 0, 0.4, 0, 0, 0, 0, 0, 0, 0, 0], [2, 6]),
      rows: tf.tensor1d([1, 0]),
      weight: 2.5,
    };
    const plain = tf.tidy(() => seq2seqLoss(model, src, tgtIn, targets, weights).dataSync()[0]);
    const distilled = tf.tidy(
      () => seq2seqLoss(model, src, tgtIn, targets, weights, teacher).dataSync()[0],
    );
    // by hand: the first step's log-probabilities of row 0 at tokens 1 and 3
    const firstStep = tf.tidy(() => {
      const { memory, mask } = encode(model, src);
      return tf.logSoftmax(decode(model, tgtIn, memory, mask)).arraySync() as number[][][];
    });
    const expected = plain + 2.5 * -(0.6 * firstStep[0][0][1] + 0.4 * firstStep[0][0][3]);
    expect(distilled).toBeCloseTo(expected, 5);
    expect(distilled).toBeGreaterThan(plain);
    tf.dispose([src, tgtIn, targets, weights, teacher.targets, teacher.rows]);
    expect(tf.memory().numTensors).toBe(before);
    disposeSeq2Seq(model);
  });
});
