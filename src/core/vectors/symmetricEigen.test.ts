import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { symmetricEigen } from './symmetricEigen';

describe('symmetricEigen', () => {
  it('diagonalises a random symmetric matrix: A·V = V·Λ, V orthonormal, Λ descending', () => {
    const l = 9;
    const random = createRandom(3);
    const a = new Float64Array(l * l);
    for (let i = 0; i < l; i++)
      for (let j = i; j < l; j++) a[i * l + j] = a[j * l + i] = random() * 2 - 1;
    const { values, vectors: v } = symmetricEigen(a, l);
    for (let j = 1; j < l; j++) expect(values[j]).toBeLessThanOrEqual(values[j - 1]);
    for (let r = 0; r < l; r++) {
      for (let j = 0; j < l; j++) {
        let av = 0;
        for (let k = 0; k < l; k++) av += a[r * l + k] * v[k * l + j];
        expect(av).toBeCloseTo(values[j] * v[r * l + j], 10);
        let vtv = 0;
        for (let k = 0; k < l; k++) vtv += v[k * l + r] * v[k * l + j];
        expect(vtv).toBeCloseTo(r === j ? 1 : 0, 10);
      }
    }
  });

  it('gives the known eigenvalues of a 2×2 matrix', () => {
    const { values } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
  });
});
