import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { pca, projectPca } from './pca';

/** n points t·u + offset + small noise, t ~ N(0, 3²): u is the principal axis. */
function alongAxis(n: number, u: number[], offset: number[], seed: number): Float32Array {
  const random = createRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const d = u.length;
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const t = 3 * gauss();
    for (let j = 0; j < d; j++) out[i * d + j] = t * u[j] + offset[j] + 0.05 * gauss();
  }
  return out;
}

describe('pca', () => {
  const d = 4;
  const n = 500;
  const u = [0.6, -0.8, 0, 0];
  const data = alongAxis(n, u, [5, -2, 1, 0], 11);

  it('finds a known principal axis, with the sign that makes its largest coordinate positive', () => {
    const result = pca(data, n, d);
    expect(result.components).toBe(2);
    // u's largest coordinate is −0.8, so the axis comes out as −u
    const axis = Array.from(result.axes.subarray(0, d));
    [-0.6, 0.8, 0, 0].forEach((x, j) => expect(axis[j]).toBeCloseTo(x, 2));
    expect(result.explained[0]).toBeGreaterThan(0.99);
    expect(result.explained[1]).toBeLessThan(0.01);
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += data[i * d + j];
      expect(result.mean[j]).toBeCloseTo(sum / n, 10);
    }
  });

  it('projects rows onto orthonormal axes, and projectPca places new points the same way', () => {
    const result = pca(data, n, d, 3);
    const { axes, mean, points } = result;
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += axes[a * d + j] * axes[b * d + j];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
      }
    }
    for (const i of [0, 17, 499]) {
      const row = data.subarray(i * d, (i + 1) * d);
      for (let k = 0; k < 3; k++) {
        let expected = 0;
        for (let j = 0; j < d; j++) expected += (row[j] - mean[j]) * axes[k * d + j];
        expect(points[i * 3 + k]).toBeCloseTo(expected, 4);
      }
      expect(projectPca(result, row)).toEqual(points.subarray(i * 3, i * 3 + 3));
    }
    // a new point one unit along the axis from the mean lands at (1, 0, 0)
    const query = Array.from(mean, (m, j) => m + axes[j]);
    const q = projectPca(result, query);
    expect(q[0]).toBeCloseTo(1, 5);
    expect(q[1]).toBeCloseTo(0, 5);
  });

  it('explains all the variance with all components, largest share first', () => {
    const { explained } = pca(data, n, d, 10);
    expect(explained).toHaveLength(d);
    for (let k = 1; k < d; k++) expect(explained[k]).toBeLessThanOrEqual(explained[k - 1]);
    expect(explained.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('gives the same axes for the mirrored data, and mirrored points', () => {
    const mirrored = data.map((x) => -x);
    const a = pca(data, n, d);
    const b = pca(mirrored, n, d);
    for (let j = 0; j < 2 * d; j++) expect(b.axes[j]).toBeCloseTo(a.axes[j], 8);
    for (let i = 0; i < 2 * n; i++) expect(b.points[i]).toBeCloseTo(-a.points[i], 4);
  });

  it('handles no rows, one row and constant data', () => {
    const empty = pca(new Float32Array(0), 0, 3);
    expect(empty.points).toHaveLength(0);
    expect(empty.explained).toEqual([0, 0]);
    const one = pca(Float32Array.of(1, 2, 3), 1, 3);
    expect(Array.from(one.points)).toEqual([0, 0]);
    expect(Array.from(one.mean)).toEqual([1, 2, 3]);
    expect(pca(Float32Array.of(4, 4, 4, 4), 2, 2, 1).explained).toEqual([0]);
  });
});
