import { DOCID_BOS, DOCID_EOS } from '../docids/types';
import { shuffled, type Random } from '../random';
import type { SubwordTokenizer } from '../text/tokenizer';

/** Where a training example comes from (DSI's indexing vs retrieval tasks). */
export type ExampleKind = 'indexing' | 'query' | 'pseudo';

/** One seq2seq pair, already tokenised: source subword ids → target docid tokens (no EOS). */
export interface DsiExample {
  kind: ExampleKind;
  src: number[];
  doc: number;
}

export interface DsiMixParams {
  /** copies of each document's indexing example per epoch (DSI: document text → docid). Default 1; 0–8 */
  indexing: number;
  /** copies of each real training query per epoch. Default 1; 0–8 */
  queries: number;
  /** copies of each pseudo-query per epoch (DSI-QG / NCI). Default 1; 0–8 */
  pseudo: number;
}

export const DEFAULT_DSI_MIX: DsiMixParams = { indexing: 1, queries: 1, pseudo: 1 };

export interface DsiSources {
  /** per document: title + text */
  docTexts: readonly string[];
  /** training queries with the document number each is relevant to */
  queries: readonly { text: string; doc: number }[];
  /** generated pseudo-queries */
  pseudo: readonly { text: string; doc: number }[];
}

/** Tokenise a text for the encoder: subword ids, cut to `srcLen` (DSI's FirstP for documents). */
export function encodeSource(tokenizer: SubwordTokenizer, text: string, srcLen: number): number[] {
  return tokenizer.encode(text).slice(0, srcLen);
}

/** All examples of one epoch, before shuffling, with the mix's copies. */
export function buildExamples(
  sources: DsiSources,
  tokenizer: SubwordTokenizer,
  srcLen: number,
  mix: DsiMixParams = DEFAULT_DSI_MIX,
): DsiExample[] {
  const out: DsiExample[] = [];
  const add = (kind: ExampleKind, text: string, doc: number, copies: number) => {
    const src = encodeSource(tokenizer, text, srcLen);
    if (src.length === 0) return;
    for (let i = 0; i < copies; i++) out.push({ kind, src, doc });
  };
  sources.docTexts.forEach((text, doc) => add('indexing', text, doc, mix.indexing));
  for (const q of sources.queries) add('query', q.text, q.doc, mix.queries);
  for (const q of sources.pseudo) add('pseudo', q.text, q.doc, mix.pseudo);
  return out;
}

/** One padded batch: all arrays row-major [size, len]. */
export interface Batch {
  src: Int32Array;
  tgtIn: Int32Array;
  targets: Int32Array;
  /** 1 for real target tokens, 0 for padding */
  weights: Float32Array;
  size: number;
  /** padded source length of this batch (its length bucket) */
  srcLen: number;
  tgtLen: number;
  /** real (non-padding) source + target tokens, for tokens/s */
  tokens: number;
}

/**
 * Pack examples into a batch: sources padded with 0 ([PAD]); decoder input = BOS + docid, target =
 * docid + EOS (teacher forcing), both padded to `tgtLen`.
 */
export function makeBatch(
  examples: readonly DsiExample[],
  docids: readonly (readonly number[])[],
  srcLen: number,
  tgtLen: number,
): Batch {
  const size = examples.length;
  const src = new Int32Array(size * srcLen);
  const tgtIn = new Int32Array(size * tgtLen).fill(DOCID_EOS);
  const targets = new Int32Array(size * tgtLen).fill(DOCID_EOS);
  const weights = new Float32Array(size * tgtLen);
  let tokens = 0;
  examples.forEach((ex, row) => {
    src.set(ex.src.slice(0, srcLen), row * srcLen);
    const id = docids[ex.doc];
    if (id.length + 1 > tgtLen)
      throw new Error(`docid of document ${ex.doc} is longer than tgtLen - 1`);
    tgtIn[row * tgtLen] = DOCID_BOS;
    for (let i = 0; i < id.length; i++) {
      tgtIn[row * tgtLen + i + 1] = id[i];
      targets[row * tgtLen + i] = id[i];
    }
    targets[row * tgtLen + id.length] = DOCID_EOS;
    weights.fill(1, row * tgtLen, row * tgtLen + id.length + 1);
    tokens += Math.min(ex.src.length, srcLen) + id.length + 1;
  });
  return { src, tgtIn, targets, weights, size, srcLen, tgtLen, tokens };
}

/**
 * One epoch's batches: examples grouped by source-length bucket (so a batch of short queries is not
 * padded to document length), shuffled within buckets, and the batches shuffled. Each batch is
 * padded to its bucket's length, the smallest of `buckets` that fits its longest example.
 */
export function planBatches(
  examples: readonly DsiExample[],
  batchSize: number,
  buckets: readonly number[],
  random: Random,
): { examples: DsiExample[]; srcLen: number }[] {
  const sorted = [...buckets].sort((a, b) => a - b);
  const byBucket = new Map<number, DsiExample[]>();
  for (const ex of examples) {
    const len = sorted.find((b) => b >= ex.src.length) ?? sorted[sorted.length - 1];
    let list = byBucket.get(len);
    if (!list) byBucket.set(len, (list = []));
    list.push(ex);
  }
  const batches: { examples: DsiExample[]; srcLen: number }[] = [];
  for (const len of sorted) {
    const list = shuffled(byBucket.get(len) ?? [], random);
    for (let i = 0; i < list.length; i += batchSize)
      batches.push({ examples: list.slice(i, i + batchSize), srcLen: len });
  }
  return shuffled(batches, random);
}

/** Length buckets up to `srcLen`: quarter, half, three quarters and the full length. */
export function lengthBuckets(srcLen: number): number[] {
  return [...new Set([0.25, 0.5, 0.75, 1].map((f) => Math.max(1, Math.round(srcLen * f))))];
}
