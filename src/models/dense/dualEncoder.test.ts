import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDualEncoder,
  DEFAULT_DUAL_ENCODER_CONFIG,
  disposeDualEncoder,
  embed,
  parameterCount,
  type DualEncoderConfig,
} from './dualEncoder';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SMALL: DualEncoderConfig = {
  ...DEFAULT_DUAL_ENCODER_CONFIG,
  vocab: 50,
  d: 8,
  heads: 2,
  ff: 16,
  layers: 1,
  maxLen: 12,
  seed: 5,
};

async function embedRows(config: DualEncoderConfig, rows: number[][], len: number) {
  const model = createDualEncoder(config);
  const before = tf.memory().numTensors;
  const ids = new Int32Array(rows.length * len);
  rows.forEach((r, i) => ids.set(r, i * len));
  const out = tf.tidy(() => embed(model, tf.tensor2d(ids, [rows.length, len], 'int32'), 'query'));
  const values = (await out.array()) as number[][];
  out.dispose();
  expect(tf.memory().numTensors).toBe(before);
  disposeDualEncoder(model);
  return values;
}

describe('dual encoder (TF.js cpu backend)', () => {
  it('gives unit vectors that padding does not change, for both poolings', async () => {
    for (const [pooling, layers] of [
      ['mean', 1],
      ['cls', 1],
      ['mean', 0],
    ] as const) {
      const config = { ...SMALL, pooling, layers };
      const short = await embedRows(config, [[5, 6, 7]], 3);
      const padded = await embedRows(config, [[5, 6, 7]], 12);
      expect(Math.hypot(...short[0])).toBeCloseTo(1, 5);
      short[0].forEach((x, i) => expect(padded[0][i]).toBeCloseTo(x, 4));
    }
  });

  it('shares one tower or keeps two (which still share the token table)', () => {
    const shared = createDualEncoder(SMALL);
    const separate = createDualEncoder({ ...SMALL, sharedTowers: false });
    expect(shared.doc).toBe(shared.query);
    expect(separate.doc).not.toBe(separate.query);
    const table = SMALL.vocab * SMALL.d;
    expect(parameterCount(separate) - table).toBe(2 * (parameterCount(shared) - table));
    disposeDualEncoder(shared);
    disposeDualEncoder(separate);
  });

  it('rejects inputs longer than maxLen and heads that do not divide d', () => {
    expect(() => createDualEncoder({ ...SMALL, heads: 3 })).toThrow(/multiple/);
    const model = createDualEncoder(SMALL);
    const long = tf.zeros([1, 13], 'int32') as tf.Tensor2D;
    expect(() => embed(model, long, 'doc')).toThrow(/maxLen/);
    long.dispose();
    disposeDualEncoder(model);
  });
});
