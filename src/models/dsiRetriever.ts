import * as tf from '@tensorflow/tfjs-core';
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
import { DIGIT_VOCAB, type DocidVocab } from '../core/docids/types';
import { buildNgramIndex, type NgramIndex } from '../core/seal/ngramIndex';
import { ngramConstraint } from '../core/seal/ngramConstraint';
import { rankDocuments, type NgramKey } from '../core/seal/rankDocuments';
import { DEFAULT_SEAL_SCORING } from '../core/seal/scoring';
import type { SubwordTokenizer } from '../core/text/tokenizer';
import { decode, encode, type Seq2SeqModel } from './seq2seq';

/** A trained DSI model with what it needs to answer: tokenizer, docids and their trie. */
export interface DsiRetriever {
  model: Seq2SeqModel;
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

export function createRetriever(
  model: Seq2SeqModel,
  tokenizer: SubwordTokenizer,
  docids: number[][],
  vocab: DocidVocab = DIGIT_VOCAB,
  /** SEAL: `docids` are the documents' tokens, and n-grams of up to `ngramLength` are written */
  seal?: { ngramLength: number },
): DsiRetriever {
  if (model.config.tgtVocab !== vocab.size) {
    throw new Error(
      `the decoder has ${model.config.tgtVocab} output tokens but the docids use ${vocab.size}`,
    );
  }
  if (seal) {
    const index = buildNgramIndex(docids);
    const trie = buildTrie([], vocab.eos);
    return {
      model,
      tokenizer,
      docids,
      vocab,
      trie,
      seal: { index, ngramLength: seal.ngramLength, startTokens: wordStartTokens(vocab.labels) },
    };
  }
  return { model, tokenizer, docids, vocab, trie: buildTrie(docids, vocab.eos) };
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

/**
 * Decode docids for `query` with beam search over the trie. The encoder runs once; each step
 * decodes every live beam in one batch against the encoder states tiled to the beam count.
 */
export async function retrieve(
  r: DsiRetriever,
  query: string,
  params: DecodeParams,
  /** awaited before each decoding step: lets other work run, and may throw DecodeStopped to end it */
  beforeStep?: () => Promise<void>,
): Promise<RetrieveOutput> {
  const ids = encodeSource(r.tokenizer, query, r.model.config.srcLen);
  // pad to the length bucket, as in training, rather than to the full document length
  const srcLen =
    lengthBuckets(r.model.config.srcLen).find((b) => b >= ids.length) ?? r.model.config.srcLen;
  const src = new Int32Array(srcLen);
  src.set(ids);
  const encoded = tf.tidy(() => {
    const { memory, mask } = encode(r.model, tf.tensor2d(src, [1, srcLen], 'int32'));
    return { memory: tf.keep(memory), mask: tf.keep(mask) };
  });
  // Every step decodes a fixed [beamSize, tgtLen] block (rows and positions padded; the causal
  // mask makes the padding invisible), so GPU backends compile their programs once, not per step.
  const rows = params.beamSize;
  const { eos, bos, size: vocabSize } = r.vocab;
  const tokens = { eos, bos, vocabSize };
  const tgtLen = r.model.config.tgtLen;
  const step: StepFn = async (prefixes) => {
    if (beforeStep) await beforeStep();
    const len = prefixes[0].length;
    const ids = new Int32Array(rows * tgtLen).fill(eos);
    prefixes.forEach((p, i) => ids.set(p, i * tgtLen));
    const logProbs = tf.tidy(() => {
      const tgt = tf.tensor2d(ids, [rows, tgtLen], 'int32');
      const memory = tf.tile(encoded.memory, [rows, 1, 1]);
      const mask = tf.tile(encoded.mask, [rows, 1, 1, 1]);
      const logits = decode(r.model, tgt, memory, mask);
      const last = logits.slice([0, len - 1, 0], [prefixes.length, 1, vocabSize]);
      return tf.logSoftmax(last.reshape([prefixes.length, vocabSize]));
    });
    const flat = (await logProbs.data()) as Float32Array;
    logProbs.dispose();
    return prefixes.map((_, i) => flat.slice(i * vocabSize, (i + 1) * vocabSize));
  };
  try {
    const maxLength = Math.min(params.maxLength, r.model.config.tgtLen);
    const { groups = 1, diversityStrength = 0, ...plain } = params;
    const constraint = r.seal
      ? ngramConstraint(r.seal.index, eos, {
          minTokens: 1,
          maxTokens: r.seal.ngramLength,
          startTokens: r.seal.startTokens,
        })
      : r.trie;
    const out =
      groups > 1
        ? await diverseBeamSearch(
            step,
            constraint,
            { ...plain, maxLength, groups, diversityStrength },
            tokens,
          )
        : await beamSearch(step, constraint, { ...plain, maxLength }, tokens);
    return r.seal ? sealOutput(r.seal.index, out, params.topK) : out;
  } finally {
    encoded.memory.dispose();
    encoded.mask.dispose();
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
