import { describe, expect, it } from 'vitest';
import { recallAtK } from './annRecall';

describe('recallAtK', () => {
  it('averages the share of each exact top k that the approximate list found', () => {
    const exact = [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ];
    const approx = [
      [1, 2, 9, 4], // 3 of 4
      [8, 7, 6, 5], // order does not matter: 4 of 4
    ];
    expect(recallAtK(exact, approx, 4)).toBeCloseTo((3 / 4 + 1) / 2, 12);
    // only the top 2 count: [1,2] vs [1,2] and [5,6] vs [8,7]
    expect(recallAtK(exact, approx, 2)).toBeCloseTo((1 + 0) / 2, 12);
  });

  it('skips queries without exact results and rejects mismatched inputs', () => {
    expect(recallAtK([[], [1]], [[2], [1]], 10)).toBe(1);
    expect(recallAtK([], [], 10)).toBe(1);
    expect(() => recallAtK([[1]], [], 1)).toThrow(/1 exact lists but 0/);
  });
});
