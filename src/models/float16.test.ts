import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeFloat16, encodeFloat16, fromFloat16Bits, toFloat16Bits } from './float16';

describe('float16', () => {
  it('every half round-trips exactly through float32', () => {
    for (let h = 0; h < 65536; h++) {
      const x = fromFloat16Bits(h);
      if (Number.isNaN(x)) continue;
      expect(toFloat16Bits(x)).toBe(h);
    }
  });

  it('rounds to the nearest half, ties to even, and saturates to infinity', () => {
    expect(fromFloat16Bits(toFloat16Bits(1 + 2 ** -11))).toBe(1); // tie: down to the even 1
    expect(fromFloat16Bits(toFloat16Bits(1 + 3 * 2 ** -11))).toBe(1 + 2 ** -9); // tie: up to even
    expect(fromFloat16Bits(toFloat16Bits(1 + 2 ** -11 + 2 ** -20))).toBe(1 + 2 ** -10);
    expect(fromFloat16Bits(toFloat16Bits(0.1))).toBeCloseTo(0.1, 3);
    expect(fromFloat16Bits(toFloat16Bits(65519))).toBe(65504);
    expect(fromFloat16Bits(toFloat16Bits(70000))).toBe(Infinity);
    expect(fromFloat16Bits(toFloat16Bits(-70000))).toBe(-Infinity);
    expect(fromFloat16Bits(toFloat16Bits(2 ** -25))).toBe(0); // tie below the least subnormal
    expect(fromFloat16Bits(toFloat16Bits(3 * 2 ** -26))).toBe(2 ** -24);
    expect(Number.isNaN(fromFloat16Bits(toFloat16Bits(NaN)))).toBe(true);
    expect(Object.is(fromFloat16Bits(toFloat16Bits(-0)), -0)).toBe(true);
  });

  it('encodes and decodes arrays, little-endian, at an offset', () => {
    const values = new Float32Array([0, 1, -2.5, 0.333, 1e-6, 60000]);
    const bytes = encodeFloat16(values);
    expect(bytes.length).toBe(12);
    expect([bytes[2], bytes[3]]).toEqual([0x00, 0x3c]); // 1.0 = 0x3c00
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const back = decodeFloat16(padded, 3, values.length);
    values.forEach((v, i) => expect(back[i]).toBeCloseTo(v, v > 1000 ? -2 : 3));
  });

  it("uses the platform's Float16Array where there is one, with the same values; an odd offset reads through the table", () => {
    const values = new Float32Array([0, 1, -2.5, 0.333, 1e-6, 60000, -0]);
    const bytes = encodeFloat16(values);
    const padded = new Uint8Array(bytes.length + 5);
    padded.set(bytes, 4);
    const viewed = new Uint8Array(padded.buffer, 2, padded.length - 2); // the values at byte 2
    const expected = [...decodeFloat16(viewed, 2, values.length)];
    // a stand-in with Float16Array's constructor, counting the reads it is given
    const reads: [number, number][] = [];
    class StandInFloat16Array extends Array<number> {
      constructor(buffer: ArrayBufferLike, byteOffset: number, length: number) {
        super();
        reads.push([byteOffset, length]);
        const b = new Uint8Array(buffer, byteOffset, length * 2);
        for (let i = 0; i < length; i++) this.push(fromFloat16Bits(b[2 * i] | (b[2 * i + 1] << 8)));
      }
    }
    vi.stubGlobal('Float16Array', StandInFloat16Array);
    expect([...decodeFloat16(viewed, 2, values.length)]).toEqual(expected);
    expect(reads).toEqual([[4, values.length]]);
    // an odd offset: not what a Float16Array can view, so the table reads it
    const odd = new Uint8Array(bytes.length + 1);
    odd.set(bytes, 1);
    expect([...decodeFloat16(odd, 1, values.length)]).toEqual(expected);
    expect(reads).toHaveLength(1);
  });
});

afterEach(() => vi.unstubAllGlobals());
