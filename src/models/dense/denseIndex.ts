import * as tf from '@tensorflow/tfjs-core';
import type { Scored } from '../../core/lexical/topK';
import { embed, normalizeRows, type DualEncoderModel, type TowerName } from './dualEncoder';
import { padRows } from './densePairs';

/** Every document's embedding as one [count, dim] tensor on the backend (rows L2-normalised). */
export interface DenseIndex {
  embeddings: tf.Tensor2D;
  count: number;
  dim: number;
}

/** Texts encoded per forward pass when indexing. Default 64 */
export const DEFAULT_EMBED_BATCH = 64;

/** Normalised embeddings [rows, d] of token-id rows, encoded `batchSize` rows at a time. */
export function embedTokenRows(
  model: DualEncoderModel,
  rows: readonly (readonly number[])[],
  which: TowerName,
  batchSize = DEFAULT_EMBED_BATCH,
): tf.Tensor2D {
  if (rows.length === 0) return tf.zeros([0, model.config.d]);
  return tf.tidy(() => {
    const parts: tf.Tensor2D[] = [];
    for (let i = 0; i < rows.length; i += batchSize) {
      const chunk = rows.slice(i, i + batchSize);
      const { ids, len } = padRows(chunk, model.config.maxLen);
      parts.push(embed(model, tf.tensor2d(ids, [chunk.length, len], 'int32'), which));
    }
    return parts.length === 1 ? parts[0] : tf.concat(parts, 0);
  });
}

/** Encode every document with the document tower. */
export function buildDenseIndex(
  model: DualEncoderModel,
  docTokens: readonly (readonly number[])[],
  batchSize = DEFAULT_EMBED_BATCH,
): DenseIndex {
  const embeddings = embedTokenRows(model, docTokens, 'doc', batchSize);
  return { embeddings, count: embeddings.shape[0], dim: embeddings.shape[1] };
}

/** An index over embeddings computed elsewhere (a checkpoint's embeddings.bin), row-major. */
export function denseIndexFromArray(data: Float32Array, count: number, dim: number): DenseIndex {
  if (data.length !== count * dim)
    throw new Error(`expected ${count} × ${dim} floats, got ${data.length}`);
  return { embeddings: tf.tensor2d(data, [count, dim]), count, dim };
}

/** The embedding matrix, row-major [count × dim] (for a 2-D map, HNSW, or embeddings.bin). */
export async function indexEmbeddings(index: DenseIndex): Promise<Float32Array> {
  return (await index.embeddings.data()) as Float32Array;
}

function checkDims(index: DenseIndex, dims: number | undefined): number {
  const m = dims ?? index.dim;
  if (!Number.isInteger(m) || m < 1 || m > index.dim)
    throw new Error(`dims ${m} is not in 1…${index.dim}`);
  return m;
}

/**
 * The `k` best documents for each query row [m, d], best first: one matMul of the (prefix of the)
 * queries with the document matrix and tf.topk, on the backend. `dims` (a Matryoshka prefix)
 * compares the first `dims` coordinates of both sides, each re-normalised. Scores are cosines.
 */
export async function searchDenseBatch(
  index: DenseIndex,
  queries: tf.Tensor2D,
  k: number,
  dims?: number,
): Promise<Scored[][]> {
  const m = checkDims(index, dims);
  const rows = queries.shape[0];
  const kk = Math.min(k, index.count);
  if (rows === 0 || kk <= 0) return Array.from({ length: rows }, () => []);
  const { values, indices } = tf.tidy(() => {
    const prefix = (x: tf.Tensor2D) => normalizeRows(x.slice([0, 0], [x.shape[0], m]));
    const docs = m === index.dim ? index.embeddings : prefix(index.embeddings);
    const scores = prefix(queries).matMul(docs, false, true);
    return tf.topk(scores, kk, true);
  });
  const [v, i] = await Promise.all([values.data(), indices.data()]);
  values.dispose();
  indices.dispose();
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: kk }, (_, j) => ({ doc: i[r * kk + j], score: v[r * kk + j] })),
  );
}

/** The `k` best documents for one query embedding [d] (see searchDenseBatch). */
export async function searchDenseIndex(
  index: DenseIndex,
  query: Float32Array | tf.Tensor1D,
  k: number,
  dims?: number,
): Promise<Scored[]> {
  const q =
    query instanceof Float32Array ? tf.tensor2d(query, [1, query.length]) : query.expandDims(0);
  try {
    return (await searchDenseBatch(index, q as tf.Tensor2D, k, dims))[0];
  } finally {
    q.dispose();
  }
}

export function disposeDenseIndex(index: DenseIndex): void {
  index.embeddings.dispose();
}
