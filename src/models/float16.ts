// IEEE 754 half precision, for checkpoints that ship their weights in half the bytes (the model
// computes in float32 as before; only the stored values are rounded). No Float16Array: Node and
// older browsers lack it.

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** The float16 bits nearest to `x` (round to nearest, ties to even; beyond ±65504: ±Infinity). */
export function toFloat16Bits(x: number): number {
  F32[0] = x;
  const bits = U32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0); // Infinity, NaN
  const e = exponent - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    // a subnormal half (or zero): the implicit bit joins the mantissa, shifted further right
    if (e < -10) return sign;
    const full = mantissa | 0x800000;
    const shift = 14 - e;
    return sign | roundShift(full, shift);
  }
  // a carry out of the mantissa moves into the exponent, which is the right result
  return sign | ((e << 10) + roundShift(mantissa, 13));
}

/** `value` >> `shift`, rounded to nearest with ties to even. */
function roundShift(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept;
}

/** The float32 value of float16 bits (exact: every half is a float). */
export function fromFloat16Bits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >>> 10) & 0x1f;
  const mantissa = h & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

let table: Float32Array | null = null;

type Float16ArrayConstructor = new (
  buffer: ArrayBufferLike,
  byteOffset: number,
  length: number,
) => ArrayLike<number>;

/** This machine stores numbers little-endian, as the files do (a Float16Array reads its order). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** float32 values of `count` little-endian float16 values from `bytes` at byte `offset`. */
export function decodeFloat16(bytes: Uint8Array, offset: number, count: number): Float32Array {
  // the platform's Float16Array where there is one (Chromium 135+, Firefox 129+, Safari 18.2+):
  // the shipped weights in 11-12 ms against 51-57 ms through the table below (Chromium, scratch
  // runs), on the way to the first answer; it needs an even byte offset
  const Native = (globalThis as { Float16Array?: Float16ArrayConstructor }).Float16Array;
  const at = bytes.byteOffset + offset;
  if (Native && LITTLE_ENDIAN && at % 2 === 0)
    return new Float32Array(new Native(bytes.buffer, at, count));
  table ??= Float32Array.from({ length: 65536 }, (_, h) => fromFloat16Bits(h));
  const out = new Float32Array(count);
  for (let i = 0, at = offset; i < count; i++, at += 2)
    out[i] = table[bytes[at] | (bytes[at + 1] << 8)];
  return out;
}

/** `values` as little-endian float16 bytes. */
export function encodeFloat16(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const h = toFloat16Bits(values[i]);
    out[2 * i] = h & 0xff;
    out[2 * i + 1] = h >>> 8;
  }
  return out;
}
