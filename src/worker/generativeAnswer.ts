import { lookup } from '../core/decode/trie';
import { ngramText } from '../core/docids/seal';
import { docidToString, formatDocid } from '../core/docids/types';
import type { DecodeParams, DocidSpace, RetrieveOutput } from '../models/docidSearch';
import type { GenerativeAnswer } from './engineApi';
import { sealAnswerParts } from './sealAnswer';

/**
 * The page's answer from a decode's output: the hits by document id, and the document of every
 * finished docid of the trace (the inspector's leaves). No TF.js here: the plain forward pass's
 * answers (firstAnswers.ts) are made the same way.
 */
export function generativeAnswer(
  space: DocidSpace,
  docIds: readonly string[],
  query: string,
  params: DecodeParams,
  out: RetrieveOutput,
  ms: number,
): GenerativeAnswer {
  const docOf: Record<string, string> = {};
  for (const entry of out.trace) {
    for (const f of entry.finished) {
      const doc = lookup(space.trie, f.tokens);
      if (doc !== undefined) docOf[docidToString(f.tokens)] = docIds[doc];
    }
  }
  const seal =
    space.seal && out.ngrams
      ? sealAnswerParts(space.seal.index, space.vocab, out.ngrams, out.trace, docIds)
      : undefined;
  // SEAL: an ended n-gram names its first document, for the inspector's leaf titles
  for (const [key, ids] of Object.entries(seal?.ngramDocs ?? {})) if (ids[0]) docOf[key] = ids[0];
  const textOfKey = (key: number) => ngramText(out.ngrams![key].tokens, space.vocab.labels);
  return {
    query,
    params,
    hits: out.results.map((r) => ({
      docId: r.doc === undefined ? '' : docIds[r.doc],
      // SEAL: the document's heaviest n-gram, which another hit may share
      docid: docidToString(r.tokens),
      label: formatDocid(r.tokens, space.vocab),
      tokens: r.tokens,
      logProb: r.logProb,
      score: r.score,
      group: r.group,
      ...(r.keys ? { ngrams: r.keys.map(textOfKey) } : {}),
    })),
    trace: out.trace,
    docOf,
    ms,
    ...seal,
  };
}
