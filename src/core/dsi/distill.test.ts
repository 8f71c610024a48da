import { describe, expect, it } from 'vitest';
import { firstStepTarget } from './distill';

describe('firstStepTarget', () => {
  it('softmaxes the teacher scores relative to the top one and sums them per first docid token', () => {
    // docs 0 and 2 share first token 4; doc 1 starts with 7
    const docids = [
      [4, 0],
      [7, 1],
      [4, 2],
    ];
    const hits = [
      { doc: 0, score: 10 },
      { doc: 1, score: 9 },
      { doc: 2, score: 8 },
    ];
    // τ = 0.1 and s₁ = 10: weights e^0, e^(−1/1), e^(−2/1) = 1, 0.3679, 0.1353
    const t = firstStepTarget(hits, docids, 0.1)!;
    expect(Array.from(t.tokens)).toEqual([4, 7]);
    const z = 1 + Math.exp(-1) + Math.exp(-2);
    expect(t.probs[0]).toBeCloseTo((1 + Math.exp(-2)) / z, 6); // 0.7311
    expect(t.probs[1]).toBeCloseTo(Math.exp(-1) / z, 6); // 0.2689
  });

  it('gives everything to the top document as τ goes to 0, and nothing without hits', () => {
    const t = firstStepTarget(
      [
        { doc: 1, score: 0.9 },
        { doc: 0, score: 0.5 },
      ],
      [[0], [1]],
      0.001,
    )!;
    expect(Array.from(t.tokens)).toEqual([0, 1]);
    expect(t.probs[1]).toBeCloseTo(1, 6);
    expect(firstStepTarget([], [[0]], 1)).toBeNull();
  });
});
