import type { WeightSource } from './layers/params';

// No TF.js here: a checkpoint's weights are read by name for TF.js's model (checkpoint.ts) and
// for the plain forward pass (plain/plainSeq2Seq.ts) alike.

/** One row of a checkpoint's weight table: a tensor's name, shape and byte offset in weights.bin. */
export type WeightEntry = { name: string; shape: number[]; offset: number };

/** The bytes of `data` as an ArrayBuffer of their own (a Uint8Array may view part of a larger one). */
export function ownBuffer(data: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (!(data instanceof Uint8Array)) return data;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

/**
 * Each weight's values from `bytes` laid out by `table`, by name; throws when the table lacks a
 * weight, gives it another shape, or points past the end of `bytes`.
 */
export function weightSource(table: readonly WeightEntry[], bytes: ArrayBuffer): WeightSource {
  return readWeights(
    table,
    bytes.byteLength,
    (offset, n) => new Float32Array(bytes.slice(offset, offset + n * 4)),
  );
}

/**
 * weightSource without copies: each weight a view of `bytes` (which must then stay as it is), or a
 * copy where a weight does not start on a 4-byte boundary of the buffer.
 */
export function weightViews(table: readonly WeightEntry[], bytes: Uint8Array): WeightSource {
  return readWeights(table, bytes.byteLength, (offset, n) => {
    const at = bytes.byteOffset + offset;
    if (at % 4 === 0) return new Float32Array(bytes.buffer, at, n);
    return new Float32Array(bytes.slice(offset, offset + n * 4).buffer);
  });
}

function readWeights(
  table: readonly WeightEntry[],
  byteLength: number,
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
    if (w.offset + n * 4 > byteLength) throw new Error(`weights.bin is too short for ${name}`);
    return values(w.offset, n);
  };
}
