import {
  beamSearch,
  type BeamResult,
  type BeamSearchParams,
  type StepFn,
} from '../core/decode/beamSearch';
import { diverseBeamSearch } from '../core/decode/diverseBeamSearch';
import type { TraceEntry } from '../core/decode/searchTree';
import { buildTrie, type DocidTrie } from '../core/decode/trie';
import { encodeSource, lengthBuckets } from '../core/dsi/examples';
import { SEAL_SCHEME, wordStartTokens } from '../core/docids/seal';
import type { DocidVocab } from '../core/docids/types';
import { buildNgramIndex, type NgramIndex } from '../core/seal/ngramIndex';
import { ngramConstraint } from '../core/seal/ngramConstraint';
import { rankDocuments, type NgramKey } from '../core/seal/rankDocuments';
import { DEFAULT_SEAL_SCORING } from '../core/seal/scoring';
import type { SubwordTokenizer } from '../core/text/tokenizer';

// No TF.js here: the search over docids is the same whichever forward pass gives the
// log-probabilities (TF.js's model in dsiRetriever.ts, or plain/plainRetriever.ts).

/** What a search needs of a retriever besides its model's forward pass. */
export interface DocidSpace {
  tokenizer: SubwordTokenizer;
  /** per document number: its docid tokens (no EOS) */
  docids: number[][];
  /** the decoder vocabulary the docids are written in */
  vocab: DocidVocab;
  /** the trie of the docids (empty for SEAL, whose identifiers are n-grams) */
  trie: DocidTrie;
  /** SEAL: the n-gram index over the documents' tokens, the longest n-gram written, and the tokens an n-gram may start with */
  seal?: { index: NgramIndex; ngramLength: number; startTokens: ReadonlySet<number> };
}

/** The docid space of a model's documents: their trie, or SEAL's n-gram index of their tokens. */
export function docidSpace(
  tokenizer: SubwordTokenizer,
  docids: number[][],
  vocab: DocidVocab,
  /** SEAL: `docids` are the documents' tokens, and n-grams of up to `ngramLength` are written */
  seal?: { ngramLength: number },
): DocidSpace {
  if (!seal) return { tokenizer, docids, vocab, trie: buildTrie(docids, vocab.eos) };
  return {
    tokenizer,
    docids,
    vocab,
    trie: buildTrie([], vocab.eos),
    seal: {
      index: buildNgramIndex(docids),
      ngramLength: seal.ngramLength,
      startTokens: wordStartTokens(vocab.labels),
    },
  };
}

/** Throws when a decoder's output tokens are not the docids' vocabulary. */
export function checkOutputVocab(tgtVocab: number, vocab: DocidVocab): void {
  if (tgtVocab !== vocab.size)
    throw new Error(`the decoder has ${tgtVocab} output tokens but the docids use ${vocab.size}`);
}

/** The SEAL options of an assignment or a saved docid map (undefined for other schemes). */
export function sealOptions(docids: {
  scheme: string;
  params?: Record<string, unknown>;
}): { ngramLength: number } | undefined {
  if (docids.scheme !== SEAL_SCHEME) return undefined;
  return { ngramLength: Number(docids.params?.ngramLength ?? 8) };
}

/** Beam search settings; with `groups` > 1 the search is diverse beam search (Vijayakumar et al.). */
export type DecodeParams = BeamSearchParams & { groups?: number; diversityStrength?: number };

export interface RetrieveOutput {
  /**
   * Docid schemes: the finished docids, best first. SEAL: the documents its n-grams rank, best
   * first, each with its heaviest n-gram as `tokens` and its SEAL score as `score`.
   */
  results: (BeamResult & { group?: number; keys?: number[] })[];
  trace: TraceEntry[];
  /** SEAL: every n-gram the search held, heaviest first (a result's `keys` index it) */
  ngrams?: NgramKey[];
}

/** What a `beforeStep` hook throws to end a decoding whose answer is no longer wanted. */
export class DecodeStopped extends Error {
  constructor() {
    super('decoding stopped: a newer request replaced it');
  }
}

/** A model's decoding of one source: log-probabilities after prefixes, and what to free after. */
export interface SourceDecoding {
  step: StepFn;
  dispose(): void;
}

/**
 * Beam search (or diverse beam search) over the docids for `query`. `decodeSource` is given the
 * query's token ids, padded with 0 to the length bucket training used (not to the full srcLen).
 */
export async function searchDocids(
  space: DocidSpace & { model: { config: { srcLen: number; tgtLen: number } } },
  query: string,
  params: DecodeParams,
  decodeSource: (src: Int32Array) => SourceDecoding,
  /** awaited before each decoding step: lets other work run, and may throw DecodeStopped to end it */
  beforeStep?: () => Promise<void>,
): Promise<RetrieveOutput> {
  const lengths = space.model.config;
  const ids = encodeSource(space.tokenizer, query, lengths.srcLen);
  const srcLen = lengthBuckets(lengths.srcLen).find((b) => b >= ids.length) ?? lengths.srcLen;
  const src = new Int32Array(srcLen);
  src.set(ids);
  const decoding = decodeSource(src);
  const step: StepFn = async (prefixes) => {
    if (beforeStep) await beforeStep();
    return decoding.step(prefixes);
  };
  const { eos, bos, size: vocabSize } = space.vocab;
  const tokens = { eos, bos, vocabSize };
  try {
    const maxLength = Math.min(params.maxLength, lengths.tgtLen);
    const { groups = 1, diversityStrength = 0, ...plain } = params;
    const constraint = space.seal
      ? ngramConstraint(space.seal.index, eos, {
          minTokens: 1,
          maxTokens: space.seal.ngramLength,
          startTokens: space.seal.startTokens,
        })
      : space.trie;
    const out =
      groups > 1
        ? await diverseBeamSearch(
            step,
            constraint,
            { ...plain, maxLength, groups, diversityStrength },
            tokens,
          )
        : await beamSearch(step, constraint, { ...plain, maxLength }, tokens);
    return space.seal ? sealOutput(space.seal.index, out, params.topK) : out;
  } finally {
    decoding.dispose();
  }
}

/** SEAL: documents ranked by the n-grams of the search (intersective scoring), at most `topK`. */
function sealOutput(index: NgramIndex, out: RetrieveOutput, topK: number): RetrieveOutput {
  const { keys, ranked } = rankDocuments(index, out.trace, DEFAULT_SEAL_SCORING);
  const results = ranked.slice(0, topK).map(({ doc, score, matches }) => {
    const key = keys[matches[0].key];
    return {
      tokens: key.tokens,
      logProb: key.logProb,
      score,
      doc,
      keys: matches.map((m) => m.key),
    };
  });
  return { results, trace: out.trace, ngrams: keys };
}
