import type { TraceEntry } from '../core/decode/searchTree';
import { ngramText } from '../core/docids/seal';
import { docidToString, type DocidVocab } from '../core/docids/types';
import { countOf, docsOf, rangeOf, type NgramIndex } from '../core/seal/ngramIndex';
import type { NgramKey } from '../core/seal/rankDocuments';
import type { AnswerNgram } from './engineApi';

/** N-grams listed with an answer: the heaviest ones, enough to explain the top documents. */
const LISTED_NGRAMS = 30;
/** Documents named per finished n-gram (the inspector's leaves). */
const DOCS_PER_NGRAM = 5;

/** What a SEAL answer adds for the page: its n-grams, and the corpus count of every tree node. */
export function sealAnswerParts(
  index: NgramIndex,
  vocab: DocidVocab,
  keys: readonly NgramKey[],
  trace: readonly TraceEntry[],
  docIds: readonly string[],
): {
  ngrams: AnswerNgram[];
  ngramCounts: Record<string, number>;
  ngramDocs: Record<string, string[]>;
} {
  const ngrams = keys.slice(0, LISTED_NGRAMS).map((k) => ({
    key: docidToString(k.tokens),
    text: ngramText(k.tokens, vocab.labels),
    weight: k.weight,
    logProb: k.logProb,
    count: k.count,
    docCount: k.docCount,
  }));
  const ngramCounts: Record<string, number> = {};
  const count = (tokens: readonly number[]) => {
    const key = docidToString(tokens);
    if (!(key in ngramCounts)) ngramCounts[key] = countOf(index, tokens);
  };
  const ngramDocs: Record<string, string[]> = {};
  for (const entry of trace) {
    for (const beam of entry.beams) count(beam.prefix);
    for (const c of [...entry.chosen, ...entry.pruned]) {
      const prefix = entry.beams[c.parent]?.prefix;
      if (prefix && c.token !== vocab.eos) count([...prefix, c.token]);
    }
    for (const f of entry.finished) {
      const range = rangeOf(index, f.tokens);
      if (!range) continue;
      const { docs } = docsOf(index, range);
      ngramDocs[docidToString(f.tokens)] = Array.from(
        docs.subarray(0, DOCS_PER_NGRAM),
        (d) => docIds[d],
      );
    }
  }
  return { ngrams, ngramCounts, ngramDocs };
}
