import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { falseNegativeMask, infoNceLoss } from './infoNce';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const { exp, log } = Math;
/** −log softmax(logits)[target], written out. */
const ce = (logits: number[], target: number) =>
  -logits[target] + log(logits.reduce((s, l) => s + exp(l), 0));

// queries normalise to (1, 0) and (0.6, 0.8); documents to (0.8, 0.6) and (0, 1)
const Q = [
  [2, 0],
  [3, 4],
];
const D = [
  [0.8, 0.6],
  [0, 5],
];
// cosines: q0·d0 = 0.8, q0·d1 = 0, q1·d0 = 0.96, q1·d1 = 0.8; with τ = 0.5 the logits are ×2
const LOGITS = [
  [1.6, 0],
  [1.92, 1.6],
];

async function loss(
  q: number[][],
  d: number[][],
  params: Parameters<typeof infoNceLoss>[2],
  ignore?: number[][],
): Promise<number> {
  const before = tf.memory().numTensors;
  const value = tf.tidy(() =>
    infoNceLoss(tf.tensor2d(q), tf.tensor2d(d), params, ignore ? tf.tensor2d(ignore) : undefined),
  );
  const out = (await value.data())[0];
  value.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return out;
}

describe('InfoNCE (TF.js cpu backend)', () => {
  it('one direction: cross-entropy of q·dᵀ/τ against the diagonal', async () => {
    const expected = (ce(LOGITS[0], 0) + ce(LOGITS[1], 1)) / 2;
    // by hand: (0.1839 + 0.8659) / 2
    expect(expected).toBeCloseTo(0.5249, 3);
    const got = await loss(Q, D, { temperature: 0.5, symmetric: false, matryoshkaDims: [] });
    expect(got).toBeCloseTo(expected, 5);
  });

  it('symmetric: also each document against the queries (the columns)', async () => {
    const toDocs = (ce(LOGITS[0], 0) + ce(LOGITS[1], 1)) / 2;
    const toQueries =
      (ce([LOGITS[0][0], LOGITS[1][0]], 0) + ce([LOGITS[0][1], LOGITS[1][1]], 1)) / 2;
    const got = await loss(Q, D, { temperature: 0.5, symmetric: true, matryoshkaDims: [] });
    expect(got).toBeCloseTo((toDocs + toQueries) / 2, 5);
  });

  it('a hard-negative column enters the query → document direction only', async () => {
    // hard negative (1, 0): cosine 1 with q0 and 0.6 with q1 → logits 2 and 1.2
    const withHard = [...D, [1, 0]];
    const toDocs = (ce([...LOGITS[0], 2], 0) + ce([...LOGITS[1], 1.2], 1)) / 2;
    const toQueries = (ce([1.6, 1.92], 0) + ce([0, 1.6], 1)) / 2;
    const oneWay = await loss(Q, withHard, {
      temperature: 0.5,
      symmetric: false,
      matryoshkaDims: [],
    });
    expect(oneWay).toBeCloseTo(toDocs, 5);
    const both = await loss(Q, withHard, { temperature: 0.5, symmetric: true, matryoshkaDims: [] });
    expect(both).toBeCloseTo((toDocs + toQueries) / 2, 5);
  });

  it('Matryoshka: the mean of the losses of each re-normalised prefix', async () => {
    // first coordinate only: queries → (1), (1); documents → (1), (0) (a zero row stays zero)
    const prefix1 = [
      [2, 0],
      [2, 0],
    ];
    const full = (ce(LOGITS[0], 0) + ce(LOGITS[1], 1)) / 2;
    const first = (ce(prefix1[0], 0) + ce(prefix1[1], 1)) / 2;
    const got = await loss(Q, D, { temperature: 0.5, symmetric: false, matryoshkaDims: [1, 2] });
    expect(got).toBeCloseTo((first + full) / 2, 5);
    const onlyFirst = await loss(Q, D, {
      temperature: 0.5,
      symmetric: false,
      matryoshkaDims: [1],
    });
    expect(onlyFirst).toBeCloseTo(first, 5);
    await expect(
      loss(Q, D, { temperature: 0.5, symmetric: false, matryoshkaDims: [3] }),
    ).rejects.toThrow(/Matryoshka/);
  });

  it('masks false negatives: the same document twice in a batch is not a negative', async () => {
    expect([...falseNegativeMask([7, 7, 2], [7, 7, 2, 7])]).toEqual([
      0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0,
    ]);
    const ignore = [
      [0, 1],
      [1, 0],
    ];
    // each row keeps only its own column: the softmax is certain, the loss 0
    const got = await loss(Q, D, { temperature: 0.5, symmetric: true, matryoshkaDims: [] }, ignore);
    expect(got).toBeCloseTo(0, 5);
  });
});
