import { indexBytes } from '../core/seal/ngramIndex';
import type { DocidSpace } from '../models/docidSearch';
import type { DocidsFile } from '../models/readDsiCheckpoint';
import type { ModelInfo } from './engineApi';

// No TF.js here: the first answers (firstAnswers.ts) describe the shipped model before TF.js is up.

/** What the page shows of a SEAL retriever's n-gram index (nothing for other schemes). */
export function sealInfo(space: DocidSpace): Pick<ModelInfo, 'ngramIndexBytes'> {
  return space.seal ? { ngramIndexBytes: indexBytes(space.seal.index) } : {};
}

/** The page's description of a model read from checkpoint files. */
export function checkpointInfo(
  checkpoint: {
    space: DocidSpace;
    docIds: readonly string[];
    docids: DocidsFile;
    metrics: Record<string, number>;
    config: Record<string, unknown>;
    parameters: number;
  },
  source: ModelInfo['source'],
  corpusName: string,
): ModelInfo {
  const metrics = checkpoint.metrics as Record<string, unknown>;
  return {
    source,
    corpusName,
    docCount: checkpoint.docIds.length,
    parameters: checkpoint.parameters,
    docidScheme: checkpoint.docids.scheme,
    config: checkpoint.config,
    metrics: checkpoint.metrics,
    metricsSplit: String(metrics.split ?? 'dev'),
    clusterTerms: checkpoint.docids.clusterTerms,
    docidVocab: checkpoint.space.vocab,
    ...sealInfo(checkpoint.space),
  };
}
