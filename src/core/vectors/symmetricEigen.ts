/** Eigen-decomposition of a small dense symmetric matrix. */
export interface SymmetricEigen {
  /** eigenvalues, largest first */
  values: Float64Array;
  /** l×l row-major; column j (`vectors[r * l + j]`) is the unit eigenvector of `values[j]` */
  vectors: Float64Array;
}

const MAX_SWEEPS = 100;

/**
 * Cyclic Jacobi eigenvalue method (Golub & Van Loan, Matrix Computations §8.5) for the l×l
 * row-major symmetric matrix `a` (left untouched). Plenty fast for l ≤ ~300, and accurate to
 * full precision for every eigenvalue, which the small projected problem of a randomized SVD needs.
 */
export function symmetricEigen(a: Float64Array, l: number): SymmetricEigen {
  const m = Float64Array.from(a);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  let total = 0;
  for (let i = 0; i < l * l; i++) total += m[i] * m[i];
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += m[p * l + q] * m[p * l + q];
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = m[p * l + q];
        if (apq === 0) continue;
        // Rotation angle that zeroes m[p][q]; the smaller root of t² + 2θt − 1 = 0 keeps it stable.
        const theta = (m[q * l + q] - m[p * l + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = m[k * l + p];
          const akq = m[k * l + q];
          m[k * l + p] = c * akp - s * akq;
          m[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = m[p * l + k];
          const aqk = m[q * l + k];
          m[p * l + k] = c * apk - s * aqk;
          m[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p];
          const vkq = v[k * l + q];
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort(
    (i, j) => m[j * l + j] - m[i * l + i] || i - j,
  );
  const values = Float64Array.from(order, (i) => m[i * l + i]);
  const vectors = new Float64Array(l * l);
  order.forEach((src, dst) => {
    for (let r = 0; r < l; r++) vectors[r * l + dst] = v[r * l + src];
  });
  return { values, vectors };
}
