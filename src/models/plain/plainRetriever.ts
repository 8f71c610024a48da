import {
  checkOutputVocab,
  searchDocids,
  type DecodeParams,
  type DocidSpace,
  type RetrieveOutput,
} from '../docidSearch';
import { readDsiCheckpoint, type DsiCheckpointContents } from '../readDsiCheckpoint';
import { weightViews } from '../weightTable';
import { plainEncode, plainNextLogProbs, plainSeq2Seq, type PlainSeq2Seq } from './plainSeq2Seq';

// No TF.js here: a checkpoint answers with the plain forward pass (worker/firstAnswers.ts).

/** A generative checkpoint's model as plain arrays, with what it needs to answer. */
export interface PlainRetriever extends DocidSpace {
  model: PlainSeq2Seq;
  /** document ids in document-number order */
  docIds: string[];
}

/** A checkpoint's retriever on the plain forward pass; checks what importDsiCheckpoint checks. */
export function plainRetrieverOf(files: DsiCheckpointContents): PlainRetriever {
  const { space, docIds } = readDsiCheckpoint(files);
  const { config, weights, weightsDtype } = files.manifest;
  checkOutputVocab(config.tgtVocab, space.vocab);
  // views of the handed-over bytes: nothing writes to them
  const bytes = files.weights instanceof Uint8Array ? files.weights : new Uint8Array(files.weights);
  const model = plainSeq2Seq(config, weightViews(weights, bytes, weightsDtype));
  return { ...space, model, docIds };
}

/** retrieve (dsiRetriever.ts) with the plain forward pass: the same search, the same output. */
export function plainRetrieve(
  r: DocidSpace & { model: PlainSeq2Seq },
  query: string,
  params: DecodeParams,
  beforeStep?: () => Promise<void>,
): Promise<RetrieveOutput> {
  const decodeSource = (src: Int32Array) => {
    const memory = plainEncode(r.model, src);
    const step = async (prefixes: number[][]) => plainNextLogProbs(r.model, memory, prefixes);
    return { step, dispose() {} };
  };
  return searchDocids(r, query, params, decodeSource, beforeStep);
}
