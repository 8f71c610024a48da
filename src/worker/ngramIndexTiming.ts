import { buildNgramIndex, indexBytes } from '../core/seal/ngramIndex';
import { trainTokenizer, type TokenizerParams } from '../core/text/tokenizer';

/** What building SEAL's n-gram index for a corpus costs, as the page's worker does it. */
export interface NgramIndexTiming {
  /** the documents written in subwords (the tokenizer trained beforehand, untimed) */
  tokenizeMs: number;
  /** the suffix array and document table over those subwords */
  buildMs: number;
  tokens: number;
  bytes: number;
}

/**
 * Train a subword tokenizer on `texts` (untimed, as training does before anything else), then time
 * what a SEAL model adds: encoding every document and building the suffix array over them.
 */
export function measureNgramIndex(
  texts: readonly string[],
  tokenizer: TokenizerParams,
): NgramIndexTiming {
  const bpe = trainTokenizer(texts, tokenizer);
  const t0 = performance.now();
  const docs = texts.map((t) => bpe.encode(t));
  const t1 = performance.now();
  const index = buildNgramIndex(docs);
  const t2 = performance.now();
  return { tokenizeMs: t1 - t0, buildMs: t2 - t1, tokens: index.tokens, bytes: indexBytes(index) };
}
