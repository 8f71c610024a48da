import { decodeFloat16, encodeFloat16 } from './float16';
import type { WeightSource } from './layers/params';

// No TF.js here: a checkpoint's weights are read by name for TF.js's model (checkpoint.ts) and
// for the plain forward pass (plain/plainSeq2Seq.ts) alike.

/** One row of a checkpoint's weight table: a tensor's name, shape and byte offset in weights.bin. */
export type WeightEntry = { name: string; shape: number[]; offset: number };

/**
 * How weights.bin stores the values (little-endian): float32, or float16 for a checkpoint shipped
 * in half the bytes (its values rounded once; the model computes in float32 either way).
 */
export type WeightsDtype = 'float32' | 'float16';

export const bytesPerWeight = (dtype: WeightsDtype = 'float32') => (dtype === 'float16' ? 2 : 4);

/** The bytes of `data` as an ArrayBuffer of their own (a Uint8Array may view part of a larger one). */
export function ownBuffer(data: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (!(data instanceof Uint8Array)) return data;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

/**
 * Each weight's values from `bytes` laid out by `table`, by name; throws when the table lacks a
 * weight, gives it another shape, or points past the end of `bytes`.
 */
export function weightSource(
  table: readonly WeightEntry[],
  bytes: ArrayBuffer,
  dtype: WeightsDtype = 'float32',
): WeightSource {
  if (dtype === 'float16') return weightViews(table, new Uint8Array(bytes), dtype);
  return readWeights(
    table,
    bytes.byteLength,
    4,
    (offset, n) => new Float32Array(bytes.slice(offset, offset + n * 4)),
  );
}

/**
 * weightSource without copies: each float32 weight a view of `bytes` (which must then stay as it
 * is), or a copy where a weight does not start on a 4-byte boundary of the buffer; float16 weights
 * are decoded.
 */
export function weightViews(
  table: readonly WeightEntry[],
  bytes: Uint8Array,
  dtype: WeightsDtype = 'float32',
): WeightSource {
  if (dtype === 'float16')
    return readWeights(table, bytes.byteLength, 2, (offset, n) => decodeFloat16(bytes, offset, n));
  return readWeights(table, bytes.byteLength, 4, (offset, n) => {
    const at = bytes.byteOffset + offset;
    if (at % 4 === 0) return new Float32Array(bytes.buffer, at, n);
    return new Float32Array(bytes.slice(offset, offset + n * 4).buffer);
  });
}

function readWeights(
  table: readonly WeightEntry[],
  byteLength: number,
  size: number,
  values: (offset: number, n: number) => Float32Array,
): WeightSource {
  const byName = new Map(table.map((w) => [w.name, w]));
  return (name, shape) => {
    const w = byName.get(name);
    if (!w) throw new Error(`checkpoint lacks weight ${name}`);
    if (w.shape.join('x') !== shape.join('x'))
      throw new Error(
        `weight ${name} has shape ${w.shape} in the checkpoint, ${shape} in the model`,
      );
    const n = shape.reduce((a, b) => a * b, 1);
    if (w.offset + n * size > byteLength) throw new Error(`weights.bin is too short for ${name}`);
    return values(w.offset, n);
  };
}

/** A float32 weight table and its bytes stored as float16 (half the bytes; values rounded once). */
export function halveWeights(
  table: readonly WeightEntry[],
  bytes: ArrayBuffer,
): { table: WeightEntry[]; bytes: Uint8Array } {
  const read = weightSource(table, bytes);
  const halves: Uint8Array[] = [];
  let offset = 0;
  const out = table.map((w) => {
    const half = encodeFloat16(read(w.name, w.shape));
    halves.push(half);
    const entry = { name: w.name, shape: w.shape, offset };
    offset += half.byteLength;
    return entry;
  });
  const joined = new Uint8Array(offset);
  halves.reduce((at, h) => (joined.set(h, at), at + h.byteLength), 0);
  return { table: out, bytes: joined };
}
