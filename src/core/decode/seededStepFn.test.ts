import { describe, expect, it } from 'vitest';
import { createSeededStepFn, seededLogProbs } from './seededStepFn';

describe('seededStepFn', () => {
  const params = { seed: 7, vocabSize: 12, sharpness: 3 };

  it('gives normalised log-probs, the same for the same prefix and seed', async () => {
    const row = seededLogProbs([11, 3, 4], params);
    expect(row).toHaveLength(12);
    expect(Array.from(row).reduce((s, l) => s + Math.exp(l), 0)).toBeCloseTo(1, 5);
    expect(seededLogProbs([11, 3, 4], params)).toEqual(row);
    const [a, b] = await createSeededStepFn(params)([
      [11, 3, 4],
      [11, 3],
    ]);
    expect(a).toEqual(row);
    expect(b).not.toEqual(row);
    expect(seededLogProbs([11, 3, 4], { ...params, seed: 8 })).not.toEqual(row);
  });
});
