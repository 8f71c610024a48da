import type { DocidAssignment } from '../core/docids/types';
import { exportWeights, importWeights, type CheckpointManifest } from './checkpoint';
import { ownBuffer } from './weightTable';
import { fetchCheckpointBytes, parseCheckpointBytes } from './checkpointFiles';
import { checkOutputVocab } from './docidSearch';
import { parameterCount } from './seq2seq';
import type { DsiRetriever } from './dsiRetriever';
import {
  readDsiCheckpoint,
  type DocidsFile,
  type DsiCheckpointContents,
  type DsiCheckpointFiles,
} from './readDsiCheckpoint';

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
export function importDsiCheckpoint(files: DsiCheckpointContents): LoadedCheckpoint {
  const read = readDsiCheckpoint(files);
  checkOutputVocab(files.manifest.config.tgtVocab, read.space.vocab);
  const model = importWeights(files.manifest as CheckpointManifest, ownBuffer(files.weights));
  return {
    retriever: { model, ...read.space },
    docIds: read.docIds,
    docids: files.docids,
    metrics: files.metrics,
    config: files.config,
  };
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
