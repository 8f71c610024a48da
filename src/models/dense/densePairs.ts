import { docText } from '../../core/corpus/docText';
import type { Corpus } from '../../core/corpus/types';
import { encodeSource, lengthBuckets } from '../../core/dsi/examples';
import type { PreparedDsi } from '../../core/dsi/prepare';
import { buildBM25Index, searchBM25 } from '../../core/lexical/bm25';
import { shuffled, type Random } from '../../core/random';
import type { SubwordTokenizer } from '../../core/text/tokenizer';

// Plain data, no TF.js: the (query, document) pairs of dense training and their batches.

/** One training pair: a query's (or pseudo-query's) subword ids and its document number. */
export interface DensePair {
  kind: 'query' | 'pseudo' | 'generated';
  query: number[];
  doc: number;
  /** the best-ranked BM25 document that is not relevant to this query, or -1 */
  hardNegative: number;
}

export interface DenseData {
  /** per document number: its text's subword ids, cut to the input length (FirstP) */
  docTokens: number[][];
  pairs: DensePair[];
  counts: { queries: number; pseudo: number; hardNegatives: number };
}

/** Each document's encoder input, as the generative model's indexing examples encode it. */
export function encodeDocuments(
  tokenizer: SubwordTokenizer,
  corpus: Pick<Corpus, 'docs'>,
  maxLen: number,
): number[][] {
  return corpus.docs.map((d) => encodeSource(tokenizer, docText(d), maxLen));
}

/**
 * The generative model's query and pseudo-query examples as dense pairs (document input = the
 * document text, as its indexing examples have it), with BM25 hard negatives when asked.
 */
export function buildDenseData(
  corpus: Pick<Corpus, 'docs'>,
  prepared: Pick<PreparedDsi, 'tokenizer' | 'examples'>,
  maxLen: number,
  hardNegatives: boolean,
): DenseData {
  const docTokens = encodeDocuments(prepared.tokenizer, corpus, maxLen);
  const pairs: DensePair[] = [];
  for (const e of prepared.examples)
    if (e.kind === 'query' || e.kind === 'pseudo' || e.kind === 'generated')
      pairs.push({ kind: e.kind, query: e.src, doc: e.doc, hardNegative: -1 });
  const counts = { queries: 0, pseudo: 0, hardNegatives: 0 };
  for (const p of pairs) counts[p.kind === 'query' ? 'queries' : 'pseudo']++;
  if (hardNegatives) counts.hardNegatives = mineHardNegatives(corpus, prepared.tokenizer, pairs);
  return { docTokens, pairs, counts };
}

/**
 * DPR's hard negatives: for each pair, the top BM25 document (over the query text as the model
 * sees it) that no pair with the same query marks relevant. Returns how many pairs got one.
 */
function mineHardNegatives(
  corpus: Pick<Corpus, 'docs'>,
  tokenizer: SubwordTokenizer,
  pairs: DensePair[],
): number {
  const index = buildBM25Index(corpus.docs.map((d) => ({ text: docText(d) })));
  const relevant = new Map<string, Set<number>>();
  for (const p of pairs) {
    const key = p.query.join(' ');
    let set = relevant.get(key);
    if (!set) relevant.set(key, (set = new Set()));
    set.add(p.doc);
  }
  const cache = new Map<string, number>();
  let found = 0;
  for (const p of pairs) {
    const key = p.query.join(' ');
    let negative = cache.get(key);
    if (negative === undefined) {
      const rel = relevant.get(key)!;
      const hits = searchBM25(index, tokenizer.decode(p.query), rel.size + 1);
      negative = hits.find((h) => !rel.has(h.doc))?.doc ?? -1;
      cache.set(key, negative);
    }
    p.hardNegative = negative;
    if (negative >= 0) found++;
  }
  return found;
}

/** One epoch's batches of pairs, shuffled; a last batch of one pair (no negatives) is dropped. */
export function planDenseBatches(
  pairs: readonly DensePair[],
  batchSize: number,
  random: Random,
): DensePair[][] {
  const order = shuffled(pairs, random);
  const batches: DensePair[][] = [];
  for (let i = 0; i < order.length; i += batchSize) batches.push(order.slice(i, i + batchSize));
  if (batches.length > 1 && batches[batches.length - 1].length < 2) batches.pop();
  return batches;
}

/** Rows of token ids padded with 0 to the smallest length bucket that fits the longest. */
export function padRows(
  rows: readonly (readonly number[])[],
  maxLen: number,
): { ids: Int32Array; len: number } {
  const longest = Math.max(1, ...rows.map((r) => Math.min(r.length, maxLen)));
  const len = lengthBuckets(maxLen).find((b) => b >= longest) ?? maxLen;
  const ids = new Int32Array(rows.length * len);
  rows.forEach((r, i) => ids.set(r.slice(0, len), i * len));
  return { ids, len };
}

/** A padded dense batch: queries, then document columns (positives in row order, then negatives). */
export interface DenseBatch {
  size: number;
  queries: { ids: Int32Array; len: number };
  docs: { ids: Int32Array; len: number };
  /** each query's document, and each document column's document number */
  rowDocs: number[];
  colDocs: number[];
  /** real (non-padding) tokens encoded, for tokens/s */
  tokens: number;
}

export function makeDenseBatch(
  pairs: readonly DensePair[],
  docTokens: readonly (readonly number[])[],
  maxLen: number,
  withHardNegatives: boolean,
): DenseBatch {
  const rowDocs = pairs.map((p) => p.doc);
  const negatives = withHardNegatives
    ? [...new Set(pairs.map((p) => p.hardNegative).filter((d) => d >= 0))]
    : [];
  const colDocs = [...rowDocs, ...negatives];
  const queryRows = pairs.map((p) => p.query);
  const docRows = colDocs.map((d) => docTokens[d]);
  let tokens = 0;
  for (const r of [...queryRows, ...docRows]) tokens += Math.min(r.length, maxLen);
  return {
    size: pairs.length,
    queries: padRows(queryRows, maxLen),
    docs: padRows(docRows, maxLen),
    rowDocs,
    colDocs,
    tokens,
  };
}
