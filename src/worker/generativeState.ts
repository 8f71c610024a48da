import { checkpointInfo } from './checkpointInfo';
import type { LoadedCheckpoint } from '../models/loadCheckpoint';
import type { DocidsFile } from '../models/readDsiCheckpoint';
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

/** The state of a model read from checkpoint files (shipped with the app, or saved in the page). */
export function stateOfLoaded(
  loaded: LoadedCheckpoint,
  source: ModelInfo['source'],
  corpusName: string,
): GenerativeState {
  const info = checkpointInfo(
    { ...loaded, space: loaded.retriever, parameters: parameterCount(loaded.retriever.model) },
    source,
    corpusName,
  );
  return { retriever: loaded.retriever, docIds: loaded.docIds, docidsFile: loaded.docids, info };
}
