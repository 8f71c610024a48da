import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { DEFAULT_LSA_PARAMS, lsaEmbed, truncatedSvd } from './lsa';
import { symmetricEigen } from './symmetricEigen';
import type { TfidfMatrix } from './tfidf';

/** A TfidfMatrix holding the dense rows given (zeros left out), for exact small cases. */
function sparse(dense: number[][]): TfidfMatrix {
  const m = dense[0]?.length ?? 0;
  return {
    terms: Array.from({ length: m }, (_, j) => `t${j}`),
    idf: new Float32Array(m).fill(1),
    rows: dense.map((row) => {
      const nz = row.flatMap((v, j) => (v !== 0 ? [j] : []));
      return { indices: Int32Array.from(nz), values: Float32Array.from(nz, (j) => row[j]) };
    }),
  };
}

/** Rank-5 signal plus small noise, with Float32-exact entries. */
function plantedMatrix(n: number, m: number, seed: number): number[][] {
  const random = createRandom(seed);
  const left = Array.from({ length: n }, () => Array.from({ length: 5 }, () => random() - 0.5));
  const right = Array.from({ length: 5 }, (_, r) =>
    Array.from({ length: m }, () => (random() - 0.5) * (5 - r)),
  );
  return left.map((u) =>
    Array.from({ length: m }, (_, j) => {
      const signal = u.reduce((s, ur, r) => s + ur * right[r][j], 0);
      return Math.fround(signal + (random() - 0.5) * 1e-3);
    }),
  );
}

/** All singular values by brute force: square roots of the eigenvalues of A·Aᵀ. */
function exactSingularValues(dense: number[][]): number[] {
  const n = dense.length;
  const aat = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      aat[i * n + j] = dense[i].reduce((s, v, t) => s + v * dense[j][t], 0);
  return Array.from(symmetricEigen(aat, n).values, (x) => Math.sqrt(Math.max(0, x)));
}

const params = (dims: number, seed = 0) => ({ ...DEFAULT_LSA_PARAMS, dims, seed });

describe('truncatedSvd', () => {
  it('finds hand-computed singular values, largest first', () => {
    const diag = truncatedSvd(
      sparse([
        [3, 0],
        [0, 4],
        [0, 0],
      ]),
      params(2),
    ).singularValues;
    expect(diag[0]).toBeCloseTo(4, 12);
    expect(diag[1]).toBeCloseTo(3, 12);
    const sym = truncatedSvd(
      sparse([
        [2, 1],
        [1, 2],
      ]),
      params(8),
    ).singularValues;
    expect(sym.length).toBe(2); // rank capped by the matrix size
    expect(sym[0]).toBeCloseTo(3, 12);
    expect(sym[1]).toBeCloseTo(1, 12);
  });

  it('reproduces A·Aᵀ from U·Σ when dims covers the rank (brute-force check)', () => {
    const random = createRandom(5);
    const dense = Array.from({ length: 12 }, () =>
      Array.from({ length: 20 }, () => (random() < 0.6 ? 0 : Math.fround(random()))),
    );
    const { singularValues, rank, docCoordinates } = truncatedSvd(sparse(dense), params(16));
    expect(rank).toBe(12);
    const exact = exactSingularValues(dense);
    singularValues.forEach((s, d) => expect(s).toBeCloseTo(exact[d], 9));
    for (let i = 0; i < 12; i++) {
      for (let j = 0; j < 12; j++) {
        let uu = 0;
        for (let d = 0; d < rank; d++)
          uu += docCoordinates[i * rank + d] * docCoordinates[j * rank + d];
        expect(uu).toBeCloseTo(
          dense[i].reduce((s, v, t) => s + v * dense[j][t], 0),
          9,
        );
      }
    }
  });

  it('recovers the top singular values of a large low-rank-plus-noise matrix', () => {
    const dense = plantedMatrix(80, 120, 9);
    const exact = exactSingularValues(dense);
    const { singularValues } = truncatedSvd(sparse(dense), { ...params(4), oversampling: 6 });
    singularValues.forEach((s, d) => expect(Math.abs(s - exact[d]) / exact[d]).toBeLessThan(1e-6));
  });

  it('is deterministic per seed', () => {
    const m = sparse(plantedMatrix(30, 50, 2));
    expect(truncatedSvd(m, params(8, 4))).toEqual(truncatedSvd(m, params(8, 4)));
  });
});

describe('lsaEmbed', () => {
  const m = sparse([...plantedMatrix(25, 40, 1), new Array(40).fill(0)]);

  it('gives one unit vector of length dims per document; an empty document is zero', () => {
    const vectors = lsaEmbed(m, params(32)); // rank 25 < dims: the rest is zero-padded
    expect(vectors).toHaveLength(26);
    for (const v of vectors.slice(0, 25)) {
      expect(v).toHaveLength(32);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    expect([...vectors[25]].every((x) => x === 0)).toBe(true);
  });

  it('is deterministic per seed and, with a clear spectrum, nearly the same for another seed', () => {
    const a = lsaEmbed(m, params(3, 1));
    expect(lsaEmbed(m, params(3, 1))).toEqual(a);
    const b = lsaEmbed(m, params(3, 2));
    a.forEach((v, i) => v.forEach((x, d) => expect(x).toBeCloseTo(b[i][d], 5)));
  });
});
