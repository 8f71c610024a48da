import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Batch } from './examples';
import { lossNorm, splitBatch } from './splitBatch';

/** A batch of `size` rows with random ids, some padding, and teacher rows when `vocab` > 0. */
const batchArb = fc
  .record({
    size: fc.integer({ min: 1, max: 40 }),
    srcLen: fc.integer({ min: 1, max: 6 }),
    tgtLen: fc.integer({ min: 1, max: 4 }),
    vocab: fc.constantFrom(0, 5),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ size, srcLen, tgtLen, vocab, seed }): Batch => {
    let s = seed;
    const next = (m: number) => (s = (s * 1103515245 + 12345) % 2147483648) % m;
    const ints = (n: number, m: number) => Int32Array.from({ length: n }, () => next(m));
    const src = ints(size * srcLen, 7);
    const weights = Float32Array.from({ length: size * tgtLen }, () => next(2));
    let tokens = 0;
    for (const id of src) if (id !== 0) tokens++;
    for (const w of weights) if (w > 0) tokens++;
    return {
      size,
      srcLen,
      tgtLen,
      src,
      tgtIn: ints(size * tgtLen, 9),
      targets: ints(size * tgtLen, 9),
      weights,
      tokens,
      teacher: vocab
        ? Float32Array.from({ length: size * vocab }, () => next(100) / 100)
        : undefined,
      teacherRows: vocab ? Float32Array.from({ length: size }, () => next(2)) : undefined,
    };
  });

const concat = <T extends Int32Array | Float32Array>(parts: (T | undefined)[]): number[] =>
  parts.flatMap((p) => (p ? [...p] : []));

describe('splitBatch', () => {
  it('cuts rows into even, non-empty parts that put back together give the batch', () => {
    fc.assert(
      fc.property(batchArb, fc.integer({ min: 1, max: 8 }), (batch, n) => {
        const parts = splitBatch(batch, n);
        expect(parts.length).toBe(Math.min(n, batch.size));
        const sizes = parts.map((p) => p.size);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(batch.size);
        for (const key of ['src', 'tgtIn', 'targets', 'weights', 'teacher', 'teacherRows'] as const)
          expect(concat(parts.map((p) => p[key]))).toEqual(concat([batch[key]]));
        for (const p of parts) {
          expect(p.src.length).toBe(p.size * batch.srcLen);
          expect(p.weights.length).toBe(p.size * batch.tgtLen);
          expect(p.srcLen).toBe(batch.srcLen);
          expect(p.tgtLen).toBe(batch.tgtLen);
        }
        expect(parts.reduce((s, p) => s + p.tokens, 0)).toBe(batch.tokens);
      }),
    );
  });

  it('gives the whole batch back when it cannot or need not be cut', () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        expect(splitBatch(batch, 1)[0]).toBe(batch);
        expect(splitBatch(batch, 0)[0]).toBe(batch);
      }),
    );
  });

  it('normalises by the whole batch: summed weights and teacher rows, at least 1', () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        const norm = lossNorm(batch);
        const weight = [...batch.weights].reduce((a, b) => a + b, 0);
        const rows = batch.teacherRows ? [...batch.teacherRows].reduce((a, b) => a + b, 0) : 0;
        expect(norm.targetWeight).toBe(Math.max(weight, 1));
        expect(norm.teacherRows).toBe(Math.max(rows, 1));
      }),
    );
  });
});
