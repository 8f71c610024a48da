import type { TokenizerJSON } from '../core/text/tokenizer';
import type { ParamStore, WeightSource } from './layers/params';
import { createSeq2Seq, type Seq2SeqConfig, type Seq2SeqModel } from './seq2seq';

/** What a saved DSI model holds besides its weights (the files' JSON). */
export interface CheckpointManifest {
  format: 'genir-dsi-1';
  config: Seq2SeqConfig;
  /** weight tensors in order, with their place in weights.bin (float32, little-endian) */
  weights: WeightEntry[];
  tokenizer: TokenizerJSON;
  /** document id → docid tokens */
  docids: Record<string, number[]>;
  docidScheme: string;
  clusterTerms?: Record<string, string[]>;
  /** training settings and the metrics reached, for the page and the README */
  training: Record<string, unknown>;
  metrics: Record<string, number>;
}

/** One row of a checkpoint's weight table: a tensor's name, shape and byte offset in weights.bin. */
export type WeightEntry = { name: string; shape: number[]; offset: number };

/** Weights as one Float32 buffer plus the manifest's weight table (any model with a ParamStore). */
export async function exportWeights(model: {
  params: ParamStore;
}): Promise<{ table: CheckpointManifest['weights']; bytes: Uint8Array }> {
  const table: CheckpointManifest['weights'] = [];
  const parts: Float32Array[] = [];
  let offset = 0;
  for (const [name, v] of model.params) {
    const data = (await v.data()) as Float32Array;
    table.push({ name, shape: v.shape, offset });
    parts.push(data);
    offset += data.length * 4;
  }
  const bytes = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    bytes.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += p.byteLength;
  }
  return { table, bytes };
}

/** The bytes of `data` as an ArrayBuffer of their own (a Uint8Array may view part of a larger one). */
export function ownBuffer(data: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (!(data instanceof Uint8Array)) return data;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

/** A model with the manifest's config and the weights from `bytes`; checks every name and shape. */
export function importWeights(manifest: CheckpointManifest, bytes: ArrayBuffer): Seq2SeqModel {
  return createSeq2Seq(manifest.config, weightSource(manifest.weights, bytes));
}

/**
 * Each weight's values from `bytes` laid out by `table`, by name; throws when the table lacks a
 * weight, gives it another shape, or points past the end of `bytes`.
 */
export function weightSource(table: readonly WeightEntry[], bytes: ArrayBuffer): WeightSource {
  const byName = new Map(table.map((w) => [w.name, w]));
  return (name, shape) => {
    const w = byName.get(name);
    if (!w) throw new Error(`checkpoint lacks weight ${name}`);
    if (w.shape.join('x') !== shape.join('x'))
      throw new Error(
        `weight ${name} has shape ${w.shape} in the checkpoint, ${shape} in the model`,
      );
    const n = shape.reduce((a, b) => a * b, 1);
    if (w.offset + n * 4 > bytes.byteLength)
      throw new Error(`weights.bin is too short for ${name}`);
    return new Float32Array(bytes.slice(w.offset, w.offset + n * 4));
  };
}
