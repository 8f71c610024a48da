import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { topK } from './topK';

describe('topK', () => {
  it('equals a full sort truncated to k (score desc, then doc asc)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 30 }),
        (raw, k) => {
          const scores = raw.map((s) => s / 4);
          const docs = scores.map((_, i) => i);
          const expected = docs
            .map((doc) => ({ doc, score: scores[doc] }))
            .sort((a, b) => b.score - a.score || a.doc - b.doc)
            .slice(0, k);
          expect(topK(docs, scores, k)).toEqual(expected);
        },
      ),
    );
  });

  it('returns nothing for k = 0', () => {
    expect(topK([0, 1], [1, 2], 0)).toEqual([]);
  });
});
