import { indexBytes } from '../core/seal/ngramIndex';
import type { DocidsFile, LoadedCheckpoint } from '../models/loadCheckpoint';
import type { DsiRetriever } from '../models/dsiRetriever';
import { parameterCount } from '../models/seq2seq';
import type { EarlyAnswer } from './earlyAnswer';
import type { ModelInfo } from './engineApi';

/** The generative model in use, with the document ids in its document-number order. */
export interface GenerativeState {
  retriever: DsiRetriever;
  docIds: string[];
  /** its docid map as a checkpoint stores it (to save the model again) */
  docidsFile: DocidsFile;
  info: ModelInfo;
  /** the decode of the page address's question, until the first search takes it */
  early?: EarlyAnswer;
}

/** What the page shows of a SEAL retriever's n-gram index (nothing for other schemes). */
export function sealInfo(retriever: DsiRetriever): Pick<ModelInfo, 'ngramIndexBytes'> {
  return retriever.seal ? { ngramIndexBytes: indexBytes(retriever.seal.index) } : {};
}

/** The state of a model read from checkpoint files (shipped with the app, or saved in the page). */
export function stateOfLoaded(
  loaded: LoadedCheckpoint,
  source: ModelInfo['source'],
  corpusName: string,
): GenerativeState {
  const metrics = loaded.metrics as Record<string, unknown>;
  const info: ModelInfo = {
    source,
    corpusName,
    docCount: loaded.docIds.length,
    parameters: parameterCount(loaded.retriever.model),
    docidScheme: loaded.docids.scheme,
    config: loaded.config,
    metrics: loaded.metrics,
    metricsSplit: String(metrics.split ?? 'dev'),
    clusterTerms: loaded.docids.clusterTerms,
    docidVocab: loaded.retriever.vocab,
    ...sealInfo(loaded.retriever),
  };
  return { retriever: loaded.retriever, docIds: loaded.docIds, docidsFile: loaded.docids, info };
}
