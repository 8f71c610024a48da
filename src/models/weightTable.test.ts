import { describe, expect, it } from 'vitest';
import { toFloat16Bits, fromFloat16Bits } from './float16';
import {
  bytesPerWeight,
  halveWeights,
  weightSource,
  weightViews,
  type WeightEntry,
} from './weightTable';

const TABLE: WeightEntry[] = [
  { name: 'a', shape: [2, 3], offset: 0 },
  { name: 'b', shape: [4], offset: 24 },
];
const VALUES = new Float32Array([0.1, -0.2, 3.5, 1e-3, 100, -7, 0.25, 0.5, -1, 2e-5]);

describe('weight tables', () => {
  it('float16: half the bytes, each value rounded once, read alike by copy and by view', () => {
    const half = halveWeights(TABLE, VALUES.buffer);
    expect(half.bytes.byteLength).toBe(VALUES.byteLength / 2);
    expect(half.table.map((w) => w.offset)).toEqual([0, 12]);
    expect(bytesPerWeight('float16')).toBe(2);
    const rounded = Array.from(VALUES, (v) => fromFloat16Bits(toFloat16Bits(v)));
    const copy = weightSource(half.table, half.bytes.buffer as ArrayBuffer, 'float16');
    const view = weightViews(half.table, half.bytes, 'float16');
    for (const read of [copy, view]) {
      expect(Array.from(read('a', [2, 3]))).toEqual(rounded.slice(0, 6));
      expect(Array.from(read('b', [4]))).toEqual(rounded.slice(6));
    }
  });

  it('float32 views share the bytes; a table that asks past the end is refused', () => {
    const bytes = new Uint8Array(VALUES.buffer);
    const b = weightViews(TABLE, bytes)('b', [4]);
    expect(b.buffer).toBe(VALUES.buffer);
    expect(Array.from(b)).toEqual(Array.from(VALUES.slice(6)));
    const half = halveWeights(TABLE, VALUES.buffer);
    expect(() => weightViews(half.table, half.bytes.subarray(0, 18), 'float16')('b', [4])).toThrow(
      'weights.bin is too short for b',
    );
    expect(() => weightSource(TABLE, VALUES.buffer)('b', [2, 2])).toThrow(/shape/);
  });
});
