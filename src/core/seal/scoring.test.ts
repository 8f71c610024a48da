import { describe, expect, it } from 'vitest';
import { intersectiveScores, ngramWeight } from './scoring';

describe('ngramWeight', () => {
  it('is the log odds ratio of P(n|q) against the smoothed corpus frequency', () => {
    // P(n|q) = 0.5, count 15 in 995 tokens, smoothing 5: P(n) = 20 / 1000 = 0.02
    // w = log(0.5 · 0.98) − log(0.02 · 0.5) = log(0.49 / 0.01) = log 49
    expect(ngramWeight(Math.log(0.5), 15, 995, 5)).toBeCloseTo(Math.log(49), 6);
  });

  it('is zero when the query makes the n-gram no likelier than chance, or it does not occur', () => {
    // P(n|q) = 0.01 < P(n) = 0.02
    expect(ngramWeight(Math.log(0.01), 15, 995, 5)).toBe(0);
    expect(ngramWeight(Math.log(0.5), 0, 995, 5)).toBe(0);
  });

  it('stays finite for a certain n-gram', () => {
    expect(Number.isFinite(ngramWeight(0, 1, 1000, 0))).toBe(true);
    expect(ngramWeight(0, 1, 1000, 0)).toBeGreaterThan(20);
  });
});

describe('intersectiveScores', () => {
  it('sums the keys a document holds, discounting tokens heavier keys covered', () => {
    const keys = [
      { tokens: [1, 2], weight: 4, docs: [0, 1] },
      { tokens: [2, 3], weight: 2, docs: [0, 2] },
      { tokens: [9], weight: 1, docs: [2] },
      { tokens: [7], weight: 0, docs: [3] },
    ];
    // doc 0: 4 (both tokens new) + 2·(1 − 0.8 + 0.8·1/2) = 4 + 1.2 = 5.2
    // doc 1: 4
    // doc 2: 2 (new) + 1 (new) = 3
    // doc 3: only a key of weight 0 → not scored
    const scores = intersectiveScores(keys, 0.8);
    expect(scores.map((s) => s.doc)).toEqual([0, 1, 2]);
    expect(scores[0].score).toBeCloseTo(5.2, 10);
    expect(scores[1].score).toBe(4);
    expect(scores[2].score).toBe(3);
    expect(scores[0].matches).toEqual([
      { key: 0, added: 4 },
      { key: 1, added: expect.closeTo(1.2, 10) as number },
    ]);
  });

  it('with β = 0 adds every key whole, and ranks ties by document number', () => {
    const keys = [
      { tokens: [1], weight: 1, docs: [5, 2] },
      { tokens: [1, 1], weight: 1, docs: [2, 5] },
    ];
    const scores = intersectiveScores(keys, 0);
    expect(scores).toMatchObject([
      { doc: 2, score: 2 },
      { doc: 5, score: 2 },
    ]);
  });
});
