import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  createDualEncoder,
  disposeDualEncoder,
  parameterCount,
} from '../../models/dense/dualEncoder';
import { dualEncoderParameterCount, type DualEncoderShape } from './denseParamCount';

describe('dualEncoderParameterCount', () => {
  it('matches the weights createDualEncoder makes', async () => {
    await tf.setBackend('cpu');
    const shapes: (DualEncoderShape & { heads: number })[] = [
      {
        vocab: 600,
        d: 16,
        heads: 2,
        ff: 32,
        layers: 1,
        maxLen: 24,
        pooling: 'mean',
        sharedTowers: true,
      },
      {
        vocab: 900,
        d: 32,
        heads: 4,
        ff: 64,
        layers: 2,
        maxLen: 16,
        pooling: 'cls',
        sharedTowers: false,
      },
      {
        vocab: 500,
        d: 8,
        heads: 1,
        ff: 16,
        layers: 0,
        maxLen: 8,
        pooling: 'cls',
        sharedTowers: true,
      },
    ];
    for (const shape of shapes) {
      const model = createDualEncoder({ ...shape, dropout: 0, seed: 1 });
      expect(dualEncoderParameterCount(shape)).toBe(parameterCount(model));
      disposeDualEncoder(model);
    }
  });
});
