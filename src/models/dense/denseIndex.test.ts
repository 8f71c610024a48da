import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../core/random';
import {
  denseIndexFromArray,
  disposeDenseIndex,
  indexEmbeddings,
  searchDenseBatch,
  searchDenseIndex,
} from './denseIndex';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Seeded vectors in [-1, 1), unit length when `unit`. */
function vectors(n: number, d: number, seed: number, unit: boolean): Float32Array {
  const random = createRandom(seed);
  const out = new Float32Array(n * d).map(() => 2 * random() - 1);
  if (unit)
    for (let i = 0; i < n; i++) {
      const row = out.subarray(i * d, (i + 1) * d);
      const norm = Math.hypot(...row);
      row.forEach((x, j) => (row[j] = x / norm));
    }
  return out;
}

/** Cosine of the first `m` coordinates of rows a and b, by a plain loop. */
function cosine(a: Float32Array, b: Float32Array, m: number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < m; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

describe('dense index: exact search on the backend', () => {
  it('equals a brute-force sort of the dot products, also for a Matryoshka prefix', async () => {
    const n = 60;
    const d = 8;
    const docs = vectors(n, d, 1, true);
    const index = denseIndexFromArray(docs, n, d);
    expect([...(await indexEmbeddings(index))]).toEqual([...docs]);
    const queries = vectors(5, d, 2, true);
    const before = tf.memory().numTensors;
    for (const dims of [undefined, 4]) {
      const m = dims ?? d;
      for (let q = 0; q < 5; q++) {
        const query = queries.slice(q * d, (q + 1) * d);
        const brute = Array.from({ length: n }, (_, i) => ({
          doc: i,
          score: cosine(query, docs.subarray(i * d, (i + 1) * d), m),
        })).sort((a, b) => b.score - a.score);
        const got = await searchDenseIndex(index, query, 10, dims);
        expect(got.map((h) => h.doc)).toEqual(brute.slice(0, 10).map((h) => h.doc));
        got.forEach((h, i) => expect(h.score).toBeCloseTo(brute[i].score, 5));
      }
    }
    const q = tf.tensor2d(queries, [5, d]);
    const batch = await searchDenseBatch(index, q, 3);
    q.dispose();
    expect(batch).toHaveLength(5);
    expect(batch[2]).toEqual(await searchDenseIndex(index, queries.slice(2 * d, 3 * d), 3));
    expect(tf.memory().numTensors).toBe(before);
    await expect(searchDenseIndex(index, queries.slice(0, d), 3, 9)).rejects.toThrow(/dims/);
    disposeDenseIndex(index);
  });

  it('returns at most the number of documents', async () => {
    const index = denseIndexFromArray(vectors(3, 4, 3, true), 3, 4);
    const hits = await searchDenseIndex(index, vectors(1, 4, 4, true), 10);
    expect(hits.map((h) => h.doc).sort()).toEqual([0, 1, 2]);
    disposeDenseIndex(index);
  });
});
