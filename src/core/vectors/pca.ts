import { symmetricEigen } from './symmetricEigen';

/** A fitted principal component analysis: plain arrays, so it can cross a worker boundary. */
export interface Pca {
  /** input dimension d */
  dim: number;
  /** components kept, c = min(requested, d) */
  components: number;
  /** n×c row-major: each input row projected onto the axes */
  points: Float32Array;
  /** share of the total variance along each axis, largest first; all 0 when the data has none */
  explained: number[];
  /** the d column means subtracted before projecting */
  mean: Float64Array;
  /**
   * c×d row-major unit axes (eigenvectors of the covariance, largest eigenvalue first). Signs are
   * fixed: each axis's largest-magnitude coordinate (the first, on ties) is positive.
   */
  axes: Float64Array;
}

/**
 * PCA of the n×d row-major `matrix` (Pearson 1901) through the eigen-decomposition of its d×d
 * covariance, so the cost is O(n·d² + d³): fine for embeddings up to a few hundred dimensions,
 * e.g. to draw documents and a query on a 2-D map. Use `projectPca` for points added later.
 */
export function pca(matrix: Float32Array, n: number, d: number, components = 2): Pca {
  const c = Math.max(0, Math.min(Math.floor(components), d));
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += matrix[i * d + j];
  if (n > 0) for (let j = 0; j < d; j++) mean[j] /= n;

  const covariance = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) centred[j] = matrix[i * d + j] - mean[j];
    for (let a = 0; a < d; a++) {
      const ca = centred[a];
      if (ca === 0) continue;
      for (let b = a; b < d; b++) covariance[a * d + b] += ca * centred[b];
    }
  }
  const scale = 1 / Math.max(1, n - 1);
  let total = 0;
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) covariance[b * d + a] = covariance[a * d + b] *= scale;
    total += covariance[a * d + a];
  }

  const { values, vectors } = symmetricEigen(covariance, d);
  const axes = new Float64Array(c * d);
  const explained: number[] = [];
  for (let k = 0; k < c; k++) {
    let largest = 0;
    for (let j = 1; j < d; j++)
      if (Math.abs(vectors[j * d + k]) > Math.abs(vectors[largest * d + k])) largest = j;
    const sign = vectors[largest * d + k] < 0 ? -1 : 1;
    for (let j = 0; j < d; j++) axes[k * d + j] = sign * vectors[j * d + k];
    // the trace is the total variance; tiny negative eigenvalues are rounding, not variance
    explained.push(total > 0 ? Math.max(0, values[k]) / total : 0);
  }

  const fitted = { dim: d, components: c, mean, axes };
  const points = new Float32Array(n * c);
  for (let i = 0; i < n; i++)
    points.set(projectPca(fitted, matrix.subarray(i * d, (i + 1) * d)), i * c);
  return { ...fitted, points, explained };
}

/** Coordinates of a new d-vector (a query embedding, say) on the fitted axes: (v − mean)·axes. */
export function projectPca(
  fitted: Pick<Pca, 'dim' | 'components' | 'mean' | 'axes'>,
  vector: ArrayLike<number>,
): Float32Array {
  const { dim, components, mean, axes } = fitted;
  const out = new Float32Array(components);
  for (let k = 0; k < components; k++) {
    let sum = 0;
    for (let j = 0; j < dim; j++) sum += (vector[j] - mean[j]) * axes[k * dim + j];
    out[k] = sum;
  }
  return out;
}
