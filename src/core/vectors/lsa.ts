import { createRandom, type Random } from '../random';
import { symmetricEigen } from './symmetricEigen';
import type { TfidfMatrix } from './tfidf';

export interface LsaParams {
  /** Dimensions kept (rank of the truncated SVD). Default 64, range 8–256. */
  dims: number;
  /**
   * Power (subspace) iterations: each multiplies by A·Aᵀ once more, so directions with larger
   * singular values dominate the random start. Default 2, range 0–5 (text spectra decay slowly).
   */
  powerIterations: number;
  /** Random directions beyond `dims` that make the top `dims` more accurate. Default 10, range 0–20. */
  oversampling: number;
  /** Seed of the random starting matrix. Default 0. */
  seed: number;
}

export const DEFAULT_LSA_PARAMS: LsaParams = {
  dims: 64,
  powerIterations: 2,
  oversampling: 10,
  seed: 0,
};

export interface TruncatedSvd {
  /** σ₁ ≥ σ₂ ≥ … ≥ σ_r ≥ 0, r = `rank` */
  singularValues: Float64Array;
  rank: number;
  /** n×r row-major: row i is document i in the latent space, (U·Σ)ᵢ = Aᵢ·V */
  docCoordinates: Float64Array;
}

/**
 * Latent semantic analysis (Deerwester et al. 1990): each document as its row of U·Σ from a
 * rank-`dims` SVD of the doc×term TF-IDF matrix, L2-normalised so dot products are cosines.
 * Every vector has length `dims`; components past the matrix's rank are 0, and a document with
 * no terms is the zero vector.
 */
export function lsaEmbed(
  matrix: TfidfMatrix,
  params: LsaParams = DEFAULT_LSA_PARAMS,
): Float32Array[] {
  const dims = Math.max(1, Math.floor(params.dims));
  const { rank, docCoordinates } = truncatedSvd(matrix, params);
  return matrix.rows.map((_, i) => {
    const out = new Float32Array(dims);
    let sq = 0;
    for (let d = 0; d < rank; d++) sq += docCoordinates[i * rank + d] ** 2;
    const norm = Math.sqrt(sq);
    if (norm > 0) for (let d = 0; d < rank; d++) out[d] = docCoordinates[i * rank + d] / norm;
    return out;
  });
}

/** Sparse doc×term matrix flattened into CSR arrays, so the products below are tight loops. */
interface Csr {
  n: number;
  m: number;
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

/**
 * Randomized truncated SVD by subspace iteration (Halko, Martinsson & Tropp 2011, "Finding
 * structure with randomness", Algorithms 4.4 + 5.1). Dense blocks are row-major n×l or m×l, so
 * each sparse product is one pass over the non-zeros with a contiguous inner loop over l.
 */
export function truncatedSvd(
  matrix: TfidfMatrix,
  params: LsaParams = DEFAULT_LSA_PARAMS,
): TruncatedSvd {
  const a = toCsr(matrix);
  const dims = Math.max(1, Math.floor(params.dims));
  const l = Math.min(dims + Math.max(0, Math.floor(params.oversampling)), a.n, a.m);
  const rank = Math.min(dims, l);
  if (l === 0)
    return { singularValues: new Float64Array(0), rank: 0, docCoordinates: new Float64Array(0) };

  const omega = gaussianBlock(a.m * l, createRandom(params.seed));
  let q = orthonormalize(times(a, omega, l), a.n, l);
  for (let it = 0; it < params.powerIterations; it++) {
    // Orthonormalising once per A·Aᵀ round, on the document side (n ≤ m in text), bounds the
    // conditioning by κ² per round, far inside double precision, at a fraction of the cost of
    // also orthonormalising the m×l term block as Algorithm 4.4 does.
    q = orthonormalize(times(a, transposeTimes(a, q, l), l), a.n, l);
  }
  // B = Qᵀ·A (l×m); the small problem is B·Bᵀ = W·Λ·Wᵀ, so U = Q·W and σ = √λ. B·Bᵀ is formed
  // as Qᵀ·(A·Aᵀ·Q), an n×l·l inner product, cheaper than Bᵀ's m×l one since m > n in text.
  const aatq = times(a, transposeTimes(a, q, l), l);
  const gram = new Float64Array(l * l);
  for (let i = 0; i < a.n; i++) {
    const o = i * l;
    for (let x = 0; x < l; x++) {
      const qx = q[o + x];
      if (qx === 0) continue;
      for (let y = 0; y < l; y++) gram[x * l + y] += qx * aatq[o + y];
    }
  }
  for (let x = 0; x < l; x++) {
    for (let y = 0; y < x; y++) {
      const g = (gram[x * l + y] + gram[y * l + x]) / 2; // equal up to rounding
      gram[x * l + y] = g;
      gram[y * l + x] = g;
    }
  }
  const { values, vectors: w } = symmetricEigen(gram, l);
  const singularValues = Float64Array.from(values.subarray(0, rank), (x) =>
    Math.sqrt(Math.max(0, x)),
  );

  const docCoordinates = new Float64Array(a.n * rank);
  for (let i = 0; i < a.n; i++) {
    for (let c = 0; c < l; c++) {
      const qic = q[i * l + c];
      if (qic === 0) continue;
      for (let d = 0; d < rank; d++) docCoordinates[i * rank + d] += qic * w[c * l + d];
    }
  }
  for (let d = 0; d < rank; d++) {
    // A singular vector's sign is arbitrary: make its largest entry positive so output is stable.
    let big = 0;
    for (let i = 0; i < a.n; i++) {
      const u = docCoordinates[i * rank + d];
      if (Math.abs(u) > Math.abs(big)) big = u;
    }
    const scale = (big < 0 ? -1 : 1) * singularValues[d];
    for (let i = 0; i < a.n; i++) docCoordinates[i * rank + d] *= scale;
  }
  return { singularValues, rank, docCoordinates };
}

function toCsr(matrix: TfidfMatrix): Csr {
  const n = matrix.rows.length;
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + matrix.rows[i].indices.length;
  const cols = new Int32Array(rowStart[n]);
  const vals = new Float64Array(rowStart[n]);
  matrix.rows.forEach((row, i) => {
    cols.set(row.indices, rowStart[i]);
    vals.set(row.values, rowStart[i]);
  });
  return { n, m: matrix.terms.length, rowStart, cols, vals };
}

/** A·X for X m×l row-major → n×l row-major. */
function times(a: Csr, x: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.n * l);
  for (let i = 0; i < a.n; i++) {
    const o = i * l;
    for (let p = a.rowStart[i]; p < a.rowStart[i + 1]; p++) {
      const v = a.vals[p];
      const xo = a.cols[p] * l;
      for (let c = 0; c < l; c++) y[o + c] += v * x[xo + c];
    }
  }
  return y;
}

/** Aᵀ·Y for Y n×l row-major → m×l row-major. */
function transposeTimes(a: Csr, y: Float64Array, l: number): Float64Array {
  const x = new Float64Array(a.m * l);
  for (let i = 0; i < a.n; i++) {
    const o = i * l;
    for (let p = a.rowStart[i]; p < a.rowStart[i + 1]; p++) {
      const v = a.vals[p];
      const xo = a.cols[p] * l;
      for (let c = 0; c < l; c++) x[xo + c] += v * y[o + c];
    }
  }
  return x;
}

/** Standard normal entries by Box–Muller. */
function gaussianBlock(length: number, random: Random): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const phi = 2 * Math.PI * random();
    out[i] = r * Math.cos(phi);
    if (i + 1 < length) out[i + 1] = r * Math.sin(phi);
  }
  return out;
}

/**
 * Orthonormal basis of the columns of the rows×l row-major block, by modified Gram–Schmidt
 * applied twice ("twice is enough", Giraud et al. 2005) on a column-major copy. A column that is
 * (numerically) in the span of the earlier ones becomes zero rather than amplified noise.
 */
function orthonormalize(block: Float64Array, rows: number, l: number): Float64Array {
  const cols = Array.from({ length: l }, (_, c) => {
    const col = new Float64Array(rows);
    for (let r = 0; r < rows; r++) col[r] = block[r * l + c];
    return col;
  });
  cols.forEach((v, j) => {
    const before = Math.sqrt(dot(v, v));
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < j; i++) {
        const r = dot(cols[i], v);
        if (r === 0) continue;
        const qi = cols[i];
        for (let t = 0; t < rows; t++) v[t] -= r * qi[t];
      }
    }
    const norm = Math.sqrt(dot(v, v));
    if (norm <= 1e-10 * before || norm === 0) v.fill(0);
    else for (let t = 0; t < rows; t++) v[t] /= norm;
  });
  const out = new Float64Array(rows * l);
  cols.forEach((col, c) => {
    for (let r = 0; r < rows; r++) out[r * l + c] = col[r];
  });
  return out;
}

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}
