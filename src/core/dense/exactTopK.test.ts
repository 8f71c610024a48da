import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dotAt, exactTopK } from './exactTopK';

/** Every row scored with the same dot product, fully sorted, cut to k. */
function bruteForce(matrix: Float32Array, d: number, query: Float32Array, k: number, dims = d) {
  const n = matrix.length / d;
  return Array.from({ length: n }, (_, index) => ({
    index,
    score: dotAt(matrix, index * d, query, 0, Math.min(dims, d)),
  }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, Math.max(0, k));
}

describe('exactTopK', () => {
  it('equals a full sort cut to k (score desc, then index asc), for every dims prefix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((d) =>
          fc.record({
            d: fc.constant(d),
            // small integers make ties common, so the tie-break is exercised
            rows: fc.array(
              fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }),
              {
                maxLength: 60,
              },
            ),
            query: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }),
            dims: fc.integer({ min: 0, max: d }),
            k: fc.integer({ min: 0, max: 70 }),
          }),
        ),
        ({ d, rows, query, dims, k }) => {
          const matrix = Float32Array.from(rows.flat());
          const q = Float32Array.from(query);
          expect(exactTopK(matrix, d, q, k, dims)).toEqual(bruteForce(matrix, d, q, k, dims));
        },
      ),
    );
  });

  it('matches the brute force on real-valued vectors', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 400 }),
        fc.integer({ min: 1, max: 20 }),
        (values, k) => {
          const d = 8;
          const matrix = Float32Array.from(values.slice(0, values.length - (values.length % d)));
          const query = Float32Array.from(values.slice(0, d));
          expect(exactTopK(matrix, d, query, k)).toEqual(bruteForce(matrix, d, query, k));
        },
      ),
    );
  });

  it('returns every row when k > n, and nothing for k = 0 or an empty matrix', () => {
    const matrix = Float32Array.of(1, 0, 0, 1, 0.6, 0.8);
    const hits = exactTopK(matrix, 2, Float32Array.of(0, 1), 10);
    expect(hits.map((h) => h.index)).toEqual([1, 2, 0]);
    expect(hits[1].score).toBeCloseTo(0.8, 6);
    expect(exactTopK(matrix, 2, Float32Array.of(0, 1), 0)).toEqual([]);
    expect(exactTopK(new Float32Array(0), 2, Float32Array.of(0, 1), 3)).toEqual([]);
  });

  it('scores only the first dims coordinates', () => {
    const matrix = Float32Array.of(1, 0, 0.5, 5);
    expect(exactTopK(matrix, 2, Float32Array.of(1, 1), 1, 1)[0]).toEqual({ index: 0, score: 1 });
    expect(exactTopK(matrix, 2, Float32Array.of(1, 1), 1)[0]).toEqual({ index: 1, score: 5.5 });
  });
});
