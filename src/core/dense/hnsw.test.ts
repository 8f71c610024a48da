import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { exactTopK } from './exactTopK';
import { buildHnsw, DEFAULT_HNSW_PARAMS, HnswIndex } from './hnsw';

/** n seeded Gaussian vectors scaled to unit length: uniform directions on the sphere. */
function unitVectors(n: number, d: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const g = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      out[i * d + j] = g;
      norm += g * g;
    }
    for (let j = 0; j < d; j++) out[i * d + j] /= Math.sqrt(norm);
  }
  return out;
}

const row = (m: Float32Array, d: number, i: number) => m.subarray(i * d, (i + 1) * d);

describe('HnswIndex', () => {
  const d = 32;
  const data = unitVectors(2000, d, 7);
  const queries = unitVectors(100, d, 8);
  const index = buildHnsw(data, d);

  it('finds ≥ 95% of the exact top 10 on 2,000 random 32-d unit vectors', () => {
    let found = 0;
    for (let q = 0; q < 100; q++) {
      const query = row(queries, d, q);
      const truth = new Set(exactTopK(data, d, query, 10).map((h) => h.index));
      for (const hit of index.search(query, 10)) if (truth.has(hit.index)) found++;
    }
    expect(found / 1000).toBeGreaterThanOrEqual(0.95);
  });

  it('returns k hits best first, scored with the exact inner product', () => {
    const query = row(queries, d, 0);
    const hits = index.search(query, 10);
    expect(hits).toHaveLength(10);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    const exact = new Map(exactTopK(data, d, query, 2000).map((h) => [h.index, h.score]));
    for (const hit of hits) expect(hit.score).toBe(exact.get(hit.index));
  });

  it('finds each stored vector as its own nearest neighbour', () => {
    for (const i of [0, 1, 500, 1999]) expect(index.search(row(data, d, i), 1)[0].index).toBe(i);
  });

  it('is deterministic for a seed', () => {
    const small = data.subarray(0, 300 * d);
    const a = buildHnsw(small, d, { ...DEFAULT_HNSW_PARAMS, M: 8, seed: 3 });
    const b = buildHnsw(small, d, { ...DEFAULT_HNSW_PARAMS, M: 8, seed: 3 });
    for (let node = 0; node < 300; node += 37) {
      expect(a.levelOf(node)).toBe(b.levelOf(node));
      expect(a.neighbours(node)).toEqual(b.neighbours(node));
    }
    const query = row(queries, d, 1);
    expect(a.search(query, 5, 10)).toEqual(b.search(query, 5, 10));
  });

  it('keeps every neighbour list within its cap (2·M on layer 0, M above)', () => {
    const M = 4;
    const small = buildHnsw(data.subarray(0, 500 * d), d, { ...DEFAULT_HNSW_PARAMS, M });
    let upper = 0;
    for (let node = 0; node < small.size; node++) {
      expect(small.neighbours(node, 0).length).toBeLessThanOrEqual(2 * M);
      expect(small.neighbours(node, 0).length).toBeGreaterThan(0);
      for (let l = 1; l <= small.levelOf(node); l++) {
        expect(small.neighbours(node, l).length).toBeLessThanOrEqual(M);
        upper++;
      }
    }
    expect(upper).toBeGreaterThan(0);
  });

  it('answers nothing when empty and the single point when it holds one', () => {
    const empty = new HnswIndex(3);
    expect(empty.size).toBe(0);
    expect(empty.search(Float32Array.of(1, 0, 0), 5)).toEqual([]);
    const one = new HnswIndex(3);
    expect(one.add(Float32Array.of(0, 1, 0))).toBe(0);
    expect(one.search(Float32Array.of(0.5, 0.25, 0), 5)).toEqual([{ index: 0, score: 0.25 }]);
    expect(buildHnsw(new Float32Array(0), 3).search(Float32Array.of(1, 0, 0), 1)).toEqual([]);
  });

  it('returns all n points, best first, when k > n', () => {
    const small = buildHnsw(data.subarray(0, 20 * d), d);
    const query = row(queries, d, 2);
    expect(small.search(query, 50)).toEqual(exactTopK(data.subarray(0, 20 * d), d, query, 50));
    expect(small.search(query, 0)).toEqual([]);
  });

  it('grows past its initial capacity and reports build progress', () => {
    const growing = new HnswIndex(d, DEFAULT_HNSW_PARAMS, 2);
    for (let i = 0; i < 50; i++) growing.add(row(data, d, i));
    expect(growing.size).toBe(50);
    expect(growing.search(row(data, d, 42), 1)[0].index).toBe(42);
    const progress: number[] = [];
    buildHnsw(data.subarray(0, 1500 * d), d, { ...DEFAULT_HNSW_PARAMS, M: 4 }, (done) =>
      progress.push(done),
    );
    expect(progress).toEqual([1000, 1500]);
  });

  it('rejects vectors shorter than the index dimension', () => {
    expect(() => new HnswIndex(3).add(Float32Array.of(1, 0))).toThrow(RangeError);
    expect(() => index.search(Float32Array.of(1, 0), 1)).toThrow(RangeError);
  });
});
