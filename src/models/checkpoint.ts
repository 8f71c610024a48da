import type { TokenizerJSON } from '../core/text/tokenizer';
import type { ParamStore } from './layers/params';
import { createSeq2Seq, type Seq2SeqConfig, type Seq2SeqModel } from './seq2seq';
import { weightSource, type WeightEntry, type WeightsDtype } from './weightTable';

/** What a saved DSI model holds besides its weights (the files' JSON). */
export interface CheckpointManifest {
  format: 'genir-dsi-1';
  config: Seq2SeqConfig;
  /** weight tensors in order, with their place in weights.bin (little-endian) */
  weights: WeightEntry[];
  /** how weights.bin stores them (absent: float32) */
  weightsDtype?: WeightsDtype;
  tokenizer: TokenizerJSON;
  /** document id → docid tokens */
  docids: Record<string, number[]>;
  docidScheme: string;
  clusterTerms?: Record<string, string[]>;
  /** training settings and the metrics reached, for the page and the README */
  training: Record<string, unknown>;
  metrics: Record<string, number>;
}

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

/** A model with the manifest's config and the weights from `bytes`; checks every name and shape. */
export function importWeights(manifest: CheckpointManifest, bytes: ArrayBuffer): Seq2SeqModel {
  return createSeq2Seq(
    manifest.config,
    weightSource(manifest.weights, bytes, manifest.weightsDtype),
  );
}
