import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createSeq2Seq, disposeSeq2Seq, parameterCount } from '../../models/seq2seq';
import { seq2seqParameterCount } from './paramCount';

describe('seq2seqParameterCount', () => {
  it('matches the weights createSeq2Seq makes', async () => {
    await tf.setBackend('cpu');
    const shapes = [
      {
        srcVocab: 600,
        tgtVocab: 12,
        dModel: 16,
        heads: 2,
        dFF: 32,
        encoderLayers: 1,
        decoderLayers: 1,
        srcLen: 24,
        tgtLen: 5,
      },
      {
        srcVocab: 4000,
        tgtVocab: 12,
        dModel: 64,
        heads: 4,
        dFF: 256,
        encoderLayers: 2,
        decoderLayers: 3,
        srcLen: 48,
        tgtLen: 6,
      },
    ];
    for (const shape of shapes) {
      const model = createSeq2Seq({ ...shape, seed: 1 });
      expect(seq2seqParameterCount(shape)).toBe(parameterCount(model));
      disposeSeq2Seq(model);
    }
  });
});
