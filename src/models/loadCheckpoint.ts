import { DIGIT_VOCAB, type DocidAssignment, type DocidVocab } from '../core/docids/types';
import { checkDocids } from '../core/docids/validate';
import { loadTokenizer, type TokenizerJSON } from '../core/text/tokenizer';
import { exportWeights, importWeights, ownBuffer, type CheckpointManifest } from './checkpoint';
import { fetchCheckpointBytes, parseCheckpointBytes } from './checkpointFiles';
import { parameterCount } from './seq2seq';
import { createRetriever, sealOptions, type DsiRetriever } from './dsiRetriever';

/** The files `npm run train:demo` writes beside weights.bin. */
export interface DocidsFile {
  scheme: string;
  params: Record<string, unknown>;
  /** document id → docid tokens */
  docids: Record<string, number[]>;
  /** the decoder vocabulary of the docids (absent in older checkpoints: digits) */
  vocab?: DocidVocab;
  clusterTerms: Record<string, string[]>;
}

/** docids.json for a model trained on documents `docIds` (corpus order) with `assignment`. */
export function toDocidsFile(docIds: readonly string[], assignment: DocidAssignment): DocidsFile {
  return {
    scheme: assignment.scheme,
    params: assignment.params,
    docids: Object.fromEntries(docIds.map((id, i) => [id, assignment.docids[i]])),
    vocab: assignment.vocab,
    clusterTerms: assignment.clusterTerms ?? {},
  };
}

export interface LoadedCheckpoint {
  retriever: DsiRetriever;
  /** document ids in the retriever's document-number order */
  docIds: string[];
  docids: DocidsFile;
  metrics: Record<string, number>;
  config: Record<string, unknown>;
}

/** model.json of a saved DSI model. */
export type DsiManifest = Pick<CheckpointManifest, 'format' | 'config' | 'weights'> & {
  parameters?: number;
};

/** The six files of a generative checkpoint, in memory (what `npm run train:demo` writes). */
export interface DsiCheckpointFiles {
  manifest: DsiManifest;
  weights: Uint8Array;
  tokenizer: TokenizerJSON;
  docids: DocidsFile;
  metrics: Record<string, number>;
  config: Record<string, unknown>;
}

/** Everything a trained retriever needs to answer again, as a checkpoint's files. */
export async function exportDsiCheckpoint(
  retriever: DsiRetriever,
  docids: DocidsFile,
  extra: { config: Record<string, unknown>; metrics: Record<string, number> },
): Promise<DsiCheckpointFiles> {
  const { model } = retriever;
  const { table, bytes } = await exportWeights(model);
  return {
    manifest: {
      format: 'genir-dsi-1',
      config: model.config,
      parameters: parameterCount(model),
      weights: table,
    },
    weights: bytes,
    tokenizer: retriever.tokenizer.toJSON(),
    docids,
    metrics: extra.metrics,
    config: extra.config,
  };
}

/** A retriever from a checkpoint's contents; checks the format, every weight and every docid. */
export function importDsiCheckpoint(files: {
  manifest: DsiManifest;
  weights: ArrayBuffer | Uint8Array;
  tokenizer: TokenizerJSON;
  docids: DocidsFile;
  metrics: Record<string, number>;
  config: Record<string, unknown>;
}): LoadedCheckpoint {
  const { manifest, docids } = files;
  if (manifest.format !== 'genir-dsi-1')
    throw new Error(`not a generative checkpoint (format ${String(manifest.format)})`);
  const docIds = Object.keys(docids.docids);
  const vocab = docids.vocab ?? DIGIT_VOCAB;
  const tokens = docIds.map((id) => docids.docids[id]);
  const seal = sealOptions(docids);
  // SEAL stores each document's subwords, which may repeat; other schemes store unique docids
  const check = seal ? checkSubwords(tokens, vocab.eos) : checkDocids(tokens, vocab);
  if (!check.ok) throw new Error(`docids.json, document ${docIds[check.doc]}: ${check.error}`);
  const model = importWeights(manifest as CheckpointManifest, ownBuffer(files.weights));
  const retriever = createRetriever(model, loadTokenizer(files.tokenizer), tokens, vocab, seal);
  return { retriever, docIds, docids, metrics: files.metrics, config: files.config };
}

/** Every token an integer subword id below `limit` (SEAL's stored document texts). */
function checkSubwords(
  texts: readonly unknown[],
  limit: number,
): { ok: true } | { ok: false; doc: number; error: string } {
  for (let doc = 0; doc < texts.length; doc++) {
    const text = texts[doc];
    if (!Array.isArray(text)) return { ok: false, doc, error: 'its tokens are not a list' };
    const bad = text.find((t) => !Number.isInteger(t) || t < 0 || t >= limit);
    if (bad !== undefined)
      return { ok: false, doc, error: `token ${String(bad)} is not a subword id` };
  }
  return { ok: true };
}

/** Download a checkpoint directory's six files (model.json, weights.bin, tokenizer.json, ...). */
export async function fetchCheckpointFiles(baseUrl: string): Promise<DsiCheckpointFiles> {
  return parseCheckpointBytes(await fetchCheckpointBytes(baseUrl));
}

/**
 * Load a checkpoint directory: its files (downloaded now, or `files` when a download was started
 * earlier) become tensors only after `backendReady`.
 */
export async function loadCheckpoint(
  baseUrl: string,
  backendReady: Promise<unknown> = Promise.resolve(),
  files: Promise<DsiCheckpointFiles> = fetchCheckpointFiles(baseUrl),
): Promise<LoadedCheckpoint> {
  const [loaded] = await Promise.all([files, backendReady]);
  return importDsiCheckpoint(loaded);
}
