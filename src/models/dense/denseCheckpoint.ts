import { loadTokenizer, type TokenizerJSON } from '../../core/text/tokenizer';
import { exportWeights } from '../checkpoint';
import { ownBuffer, weightSource, type WeightEntry } from '../weightTable';
import { denseIndexFromArray, indexEmbeddings } from './denseIndex';
import { createDenseRetriever, type DenseRetriever } from './denseRetriever';
import {
  createDualEncoder,
  disposeDualEncoder,
  parameterCount,
  type DualEncoderConfig,
} from './dualEncoder';

export const DENSE_FORMAT = 'genir-dense-1';

/** model.json of a saved dense retriever. */
export interface DenseCheckpointManifest {
  format: typeof DENSE_FORMAT;
  config: DualEncoderConfig;
  parameters: number;
  /** weight tensors in order, with their place in weights.bin (float32, little-endian) */
  weights: WeightEntry[];
  /** document ids in the row order of embeddings.bin (= the retriever's document numbers) */
  docIds: string[];
  /** embeddings.bin: `count` × `dim` float32, little-endian, row-major, rows L2-normalised */
  embeddings: { count: number; dim: number; dtype: 'float32' };
  /** training settings and the metrics reached, for the page and the README */
  training: Record<string, unknown>;
  metrics: Record<string, number>;
}

/** The four files of a dense checkpoint, in memory. */
export interface DenseCheckpointFiles {
  manifest: DenseCheckpointManifest;
  weights: Uint8Array;
  tokenizer: TokenizerJSON;
  embeddings: Uint8Array;
}

/** Everything needed to answer queries without re-encoding the corpus. */
export async function exportDenseCheckpoint(
  r: DenseRetriever,
  docIds: readonly string[],
  extra: { training?: Record<string, unknown>; metrics?: Record<string, number> } = {},
): Promise<DenseCheckpointFiles> {
  if (docIds.length !== r.index.count)
    throw new Error(`${docIds.length} document ids for ${r.index.count} embeddings`);
  const { table, bytes } = await exportWeights(r.model);
  const e = await indexEmbeddings(r.index);
  return {
    manifest: {
      format: DENSE_FORMAT,
      config: r.model.config,
      parameters: parameterCount(r.model),
      weights: table,
      docIds: [...docIds],
      embeddings: { count: r.index.count, dim: r.index.dim, dtype: 'float32' },
      training: extra.training ?? {},
      metrics: extra.metrics ?? {},
    },
    weights: bytes,
    tokenizer: r.tokenizer.toJSON(),
    embeddings: new Uint8Array(e.buffer, e.byteOffset, e.byteLength),
  };
}

/** A retriever from a checkpoint's contents; checks the format, every weight and the sizes. */
export function importDenseCheckpoint(files: {
  manifest: DenseCheckpointManifest;
  weights: ArrayBuffer | Uint8Array;
  tokenizer: TokenizerJSON;
  embeddings: ArrayBuffer | Uint8Array;
}): DenseRetriever {
  const { manifest } = files;
  if (manifest.format !== DENSE_FORMAT)
    throw new Error(`not a dense checkpoint (format ${String(manifest.format)})`);
  const { count, dim } = manifest.embeddings;
  if (count !== manifest.docIds.length)
    throw new Error(`${manifest.docIds.length} document ids for ${count} embeddings`);
  if (dim !== manifest.config.d)
    throw new Error(`embeddings of ${dim} dims for a d=${manifest.config.d} model`);
  if (files.embeddings.byteLength !== count * dim * 4)
    throw new Error(
      `embeddings.bin holds ${files.embeddings.byteLength} bytes, not ${count * dim * 4}`,
    );
  const model = createDualEncoder(
    manifest.config,
    weightSource(manifest.weights, ownBuffer(files.weights)),
  );
  try {
    const index = denseIndexFromArray(
      new Float32Array(ownBuffer(files.embeddings).slice(0)),
      count,
      dim,
    );
    return createDenseRetriever(model, loadTokenizer(files.tokenizer), index);
  } catch (e) {
    disposeDualEncoder(model);
    throw e;
  }
}

export interface LoadedDenseCheckpoint {
  retriever: DenseRetriever;
  /** document ids in the retriever's document-number order */
  docIds: string[];
  metrics: Record<string, number>;
  training: Record<string, unknown>;
}

async function fetchOk(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`could not fetch ${url} (${r.status})`);
  return r;
}

/**
 * Load a dense checkpoint directory (model.json, weights.bin, tokenizer.json, embeddings.bin). The
 * files download at once; tensors are made only after `backendReady`.
 */
export async function loadDenseCheckpoint(
  baseUrl: string,
  backendReady: Promise<unknown> = Promise.resolve(),
): Promise<LoadedDenseCheckpoint> {
  const root = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const [manifest, weights, tokenizer, embeddings] = await Promise.all([
    fetchOk(`${root}model.json`).then((r) => r.json() as Promise<DenseCheckpointManifest>),
    fetchOk(`${root}weights.bin`).then((r) => r.arrayBuffer()),
    fetchOk(`${root}tokenizer.json`).then((r) => r.json() as Promise<TokenizerJSON>),
    fetchOk(`${root}embeddings.bin`).then((r) => r.arrayBuffer()),
  ]);
  await backendReady;
  const retriever = importDenseCheckpoint({ manifest, weights, tokenizer, embeddings });
  return {
    retriever,
    docIds: manifest.docIds,
    metrics: manifest.metrics ?? {},
    training: manifest.training ?? {},
  };
}
