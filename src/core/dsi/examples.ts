import { DIGIT_VOCAB } from '../docids/types';
import { shuffled, type Random } from '../random';
import type { SubwordTokenizer } from '../text/tokenizer';
import type { SoftTarget } from './distill';

/**
 * Where a training example comes from: DSI's indexing (document → docid) and retrieval tasks
 * (a real query, a rule-based pseudo-query, a query from the learned generator), or CorpusBrain's
 * self-supervised pre-training (a sentence of the document → docid).
 */
export type ExampleKind = 'indexing' | 'query' | 'pseudo' | 'generated' | 'pretrain';

/** One seq2seq pair, already tokenised: source subword ids → target docid tokens (no EOS). */
export interface DsiExample {
  kind: ExampleKind;
  src: number[];
  doc: number;
  /** the source text, for a teacher to rank (queries only) */
  text?: string;
  /** a teacher's distribution over first decoding steps (distillation) */
  teacher?: SoftTarget;
  /** what the decoder should write, when not the document's docid (SEAL: an n-gram of it) */
  target?: number[];
}

export interface DsiMixParams {
  /** copies of each document's indexing example per epoch (DSI: document text → docid). Default 1; 0–8 */
  indexing: number;
  /** copies of each real training query per epoch. Default 1; 0–8 */
  queries: number;
  /** copies of each rule-based pseudo-query per epoch (NCI's document-as-query, keywords). Default 1; 0–8 */
  pseudo: number;
  /** copies of each kept query of the learned generator per epoch (DSI-QG). Default 1; 0–8 */
  generated: number;
}

export const DEFAULT_DSI_MIX: DsiMixParams = { indexing: 1, queries: 1, pseudo: 1, generated: 1 };

export interface DsiSources {
  /** per document: title + text */
  docTexts: readonly string[];
  /** training queries with the document number each is relevant to */
  queries: readonly { text: string; doc: number }[];
  /** rule-based pseudo-queries */
  pseudo: readonly { text: string; doc: number }[];
  /** the learned generator's kept queries */
  generated?: readonly { text: string; doc: number }[];
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
  sources.docTexts.forEach((text, doc) =>
    addExamples(out, 'indexing', [{ text, doc }], tokenizer, srcLen, mix.indexing),
  );
  addExamples(out, 'query', sources.queries, tokenizer, srcLen, mix.queries);
  addExamples(out, 'pseudo', sources.pseudo, tokenizer, srcLen, mix.pseudo);
  addExamples(out, 'generated', sources.generated ?? [], tokenizer, srcLen, mix.generated);
  return out;
}

/** Tokenise (text, doc) pairs into `out` as `copies` examples each of `kind`; empty texts are skipped. */
export function addExamples(
  out: DsiExample[],
  kind: ExampleKind,
  pairs: readonly { text: string; doc: number }[],
  tokenizer: SubwordTokenizer,
  srcLen: number,
  copies: number,
): void {
  for (const { text, doc } of pairs) {
    const src = encodeSource(tokenizer, text, srcLen);
    if (src.length === 0) continue;
    // documents are not ranked by a teacher, so only queries keep their text
    const example = kind === 'indexing' ? { kind, src, doc } : { kind, src, doc, text };
    for (let i = 0; i < copies; i++) out.push(example);
  }
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
  /** distillation: per row, a teacher's distribution over the first step's tokens [size, vocab] */
  teacher?: Float32Array;
  /** 1 for rows that have a teacher distribution, 0 for the others */
  teacherRows?: Float32Array;
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
  /** the decoder's vocabulary (digit docids' by default) */
  special: { bos: number; eos: number; size: number } = DIGIT_VOCAB,
): Batch {
  const size = examples.length;
  const src = new Int32Array(size * srcLen);
  const tgtIn = new Int32Array(size * tgtLen).fill(special.eos);
  const targets = new Int32Array(size * tgtLen).fill(special.eos);
  const weights = new Float32Array(size * tgtLen);
  let tokens = 0;
  const distilled = examples.some((ex) => ex.teacher);
  const teacher = distilled ? new Float32Array(size * special.size) : undefined;
  const teacherRows = distilled ? new Float32Array(size) : undefined;
  examples.forEach((ex, row) => {
    if (ex.teacher && teacher && teacherRows) {
      teacherRows[row] = 1;
      ex.teacher.tokens.forEach((t, i) => (teacher[row * special.size + t] = ex.teacher!.probs[i]));
    }
    src.set(ex.src.slice(0, srcLen), row * srcLen);
    const id = ex.target ?? docids[ex.doc];
    if (id.length + 1 > tgtLen)
      throw new Error(`target of document ${ex.doc} is longer than tgtLen - 1`);
    tgtIn[row * tgtLen] = special.bos;
    for (let i = 0; i < id.length; i++) {
      tgtIn[row * tgtLen + i + 1] = id[i];
      targets[row * tgtLen + i] = id[i];
    }
    targets[row * tgtLen + id.length] = special.eos;
    weights.fill(1, row * tgtLen, row * tgtLen + id.length + 1);
    tokens += Math.min(ex.src.length, srcLen) + id.length + 1;
  });
  return { src, tgtIn, targets, weights, size, srcLen, tgtLen, tokens, teacher, teacherRows };
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
