import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, randomInt } from '../random';
import { DEFAULT_KMEANS_PARAMS, kmeans } from './kmeans';

/** `perBlob` points jittered around each of the given centres. */
function blobs(centres: number[][], perBlob: number, seed: number): Float32Array[] {
  const random = createRandom(seed);
  return centres.flatMap((c) =>
    Array.from({ length: perBlob }, () => Float32Array.from(c, (x) => x + (random() - 0.5) * 0.2)),
  );
}

const params = (seed: number) => ({ ...DEFAULT_KMEANS_PARAMS, seed });

describe('kmeans', () => {
  it('separates obvious clusters', () => {
    const points = blobs([[0, 0], [5, 5], [-5, 5]], 20, 1); // prettier-ignore
    for (const seed of [0, 1, 2, 3]) {
      const { assignments, centroids } = kmeans(points, 3, params(seed));
      expect(centroids).toHaveLength(3);
      for (let b = 0; b < 3; b++) {
        const labels = new Set(assignments.slice(b * 20, (b + 1) * 20));
        expect(labels.size).toBe(1);
      }
      expect(new Set(assignments).size).toBe(3);
    }
  });

  it('is deterministic per seed', () => {
    const points = blobs([[0, 0, 0], [1, 1, 1], [0, 1, 0], [1, 0, 1]], 15, 4); // prettier-ignore
    expect(kmeans(points, 6, params(9))).toEqual(kmeans(points, 6, params(9)));
  });

  it('with k ≥ n puts each point in its own cluster', () => {
    const points = blobs([[0, 0], [1, 1], [2, 0]], 1, 2); // prettier-ignore
    const { assignments, centroids } = kmeans(points, 10, params(0));
    expect(centroids).toHaveLength(3);
    expect(new Set(assignments).size).toBe(3);
    assignments.forEach((c, i) => expect([...centroids[c]]).toEqual([...points[i]]));
  });

  it('leaves no cluster empty, even when points coincide', () => {
    const same = Array.from({ length: 7 }, () => Float32Array.of(1, 2));
    const { assignments } = kmeans(same, 3, params(0));
    expect(new Set(assignments).size).toBe(3);
    expect(kmeans([], 3, params(0))).toEqual({
      assignments: new Int32Array(0),
      centroids: [],
      inertia: 0,
    });
  });

  it('returns non-empty clusters whose centroids are their means (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 4 }),
        (n, k, seed, distinct) => {
          const random = createRandom(seed);
          // few distinct values, so duplicates and ties are common
          const points = Array.from({ length: n }, () =>
            Float32Array.of(randomInt(random, distinct), randomInt(random, distinct)),
          );
          const { assignments, centroids } = kmeans(points, k, params(seed));
          expect(centroids).toHaveLength(Math.min(k, n));
          const members = centroids.map((_, c) => points.filter((_, i) => assignments[i] === c));
          members.forEach((group, c) => {
            expect(group.length).toBeGreaterThan(0);
            for (let d = 0; d < 2; d++) {
              const mean = group.reduce((s, p) => s + p[d], 0) / group.length;
              expect(centroids[c][d]).toBeCloseTo(mean, 5);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
