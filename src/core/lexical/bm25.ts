import {
  createAnalyzer,
  DEFAULT_ANALYZER_PARAMS,
  type Analyzer,
  type AnalyzerParams,
} from '../text/analyzer';
import { TermTable } from '../text/termTable';
import { luceneRoundedLength } from './luceneNorms';
import { topK, type Scored } from './topK';

export interface BM25Params {
  /** Term-frequency saturation. Default 0.9 (Anserini); sensible range 0.5–2.0. */
  k1: number;
  /** Length normalisation strength. Default 0.4 (Anserini); range 0 (none) – 1 (full). */
  b: number;
  /**
   * How a document's length enters the formula. `lucene` (default) rounds it the way Lucene
   * stores it in one byte, which is what reproduces Anserini's runs; `exact` uses the token count.
   */
  lengthEncoding: 'lucene' | 'exact';
}

export const DEFAULT_BM25_PARAMS: BM25Params = { k1: 0.9, b: 0.4, lengthEncoding: 'lucene' };

/** A document as BM25 sees it: one field of text (title and body joined by the caller). */
export interface BM25Document {
  text: string;
}

export interface BM25Index {
  params: BM25Params;
  docCount: number;
  avgDocLength: number;
  /** term → row in the postings arrays */
  termIds: Map<string, number>;
  /** term t's postings are entries postingStart[t] … postingStart[t + 1] − 1 of the arrays below */
  postingStart: Uint32Array;
  /** per posting: the document number, ascending within a term */
  postingDocs: Int32Array;
  /** per posting: the term's frequency in that document */
  postingFreqs: Uint16Array;
  /** per document: k1 · (1 − b + b · length / avgLength), precomputed */
  lengthNorms: Float32Array;
  /** per document: its word tokens before stop-word removal (the corpus panel's length statistics) */
  wordCounts: Uint32Array;
  /** the analyzer that made the index's terms, for queries */
  analyzer: Analyzer;
}

/** Lucene's BM25 idf, ln(1 + (N − df + 0.5) / (df + 0.5)): never negative. */
export function bm25Idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/**
 * One term's BM25 contribution, in Lucene ≥ 8's form idf · tf / (tf + k1 · (1 − b + b · dl / avgdl))
 * (Lucene dropped the constant (k1 + 1) factor; rankings are unchanged).
 */
export function calcBM25Score(
  termFreq: number,
  docFreq: number,
  docCount: number,
  docLength: number,
  avgDocLength: number,
  params: BM25Params = DEFAULT_BM25_PARAMS,
): number {
  const norm = params.k1 * (1 - params.b + (params.b * docLength) / avgDocLength);
  return (bm25Idf(docCount, docFreq) * termFreq) / (termFreq + norm);
}

/**
 * Build an inverted index over `docs`. `onProgress(done, total)` is called every few thousand docs.
 * Terms come from a `TermTable` (the analyzer's terms without a string per token); each document's
 * (term, frequency) pairs are kept in flat arrays and the postings laid out once at the end.
 */
export function buildBM25Index(
  docs: readonly BM25Document[],
  params: BM25Params = DEFAULT_BM25_PARAMS,
  analyzerParams: AnalyzerParams = DEFAULT_ANALYZER_PARAMS,
  onProgress?: (done: number, total: number) => void,
): BM25Index {
  const table = new TermTable(analyzerParams);
  const lengths = new Uint32Array(docs.length);
  const wordCounts = new Uint32Array(docs.length);
  let totalLength = 0;
  // per document: its distinct terms and their frequencies, from pairStart[d]
  const pairStart = new Uint32Array(docs.length + 1);
  let pairTerms = new Int32Array(1 << 16);
  let pairFreqs = new Uint16Array(1 << 16);
  let pairs = 0;
  let freqOf = new Int32Array(1024);
  let docFreq = new Int32Array(1024);

  for (let d = 0; d < docs.length; d++) {
    wordCounts[d] = table.scan(docs[d].text);
    const { ids, length } = table;
    lengths[d] = length;
    totalLength += length;
    if (table.terms.length > freqOf.length) {
      freqOf = grownInt32(freqOf, table.terms.length);
      docFreq = grownInt32(docFreq, table.terms.length);
    }
    if (pairs + length > pairTerms.length) {
      const size = Math.max(2 * pairTerms.length, pairs + length);
      pairTerms = grownInt32(pairTerms, size);
      const freqs = new Uint16Array(size);
      freqs.set(pairFreqs);
      pairFreqs = freqs;
    }
    pairStart[d] = pairs;
    for (let i = 0; i < length; i++) {
      const id = ids[i];
      if (freqOf[id] === 0) pairTerms[pairs++] = id;
      freqOf[id]++;
    }
    for (let p = pairStart[d]; p < pairs; p++) {
      const id = pairTerms[p];
      pairFreqs[p] = Math.min(freqOf[id], 0xffff);
      freqOf[id] = 0;
      docFreq[id]++;
    }
    if (onProgress && d % 2000 === 1999) onProgress(d + 1, docs.length);
  }
  pairStart[docs.length] = pairs;

  // lay the pairs out by term (a counting sort: documents stay in ascending order within a term)
  const termCount = table.terms.length;
  const postingStart = new Uint32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postingStart[t + 1] = postingStart[t] + docFreq[t];
  const postingDocs = new Int32Array(pairs);
  const postingFreqs = new Uint16Array(pairs);
  const next = postingStart.slice(0, termCount);
  for (let d = 0; d < docs.length; d++) {
    for (let p = pairStart[d]; p < pairStart[d + 1]; p++) {
      const at = next[pairTerms[p]]++;
      postingDocs[at] = d;
      postingFreqs[at] = pairFreqs[p];
    }
  }

  const avgDocLength = docs.length > 0 ? totalLength / docs.length : 0;
  const lengthNorms = new Float32Array(docs.length);
  for (let d = 0; d < docs.length; d++) {
    const dl = params.lengthEncoding === 'lucene' ? luceneRoundedLength(lengths[d]) : lengths[d];
    lengthNorms[d] = params.k1 * (1 - params.b + (params.b * dl) / (avgDocLength || 1));
  }
  onProgress?.(docs.length, docs.length);
  return {
    params,
    docCount: docs.length,
    avgDocLength,
    termIds: table.termIds,
    postingStart,
    postingDocs,
    postingFreqs,
    lengthNorms,
    wordCounts,
    analyzer: createAnalyzer(analyzerParams),
  };
}

function grownInt32(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(size, 2 * a.length));
  grown.set(a);
  return grown;
}

/** Weighted query terms: a term typed twice counts twice, as in Anserini's bag-of-words query. */
export function queryTermWeights(index: BM25Index, query: string): Map<number, number> {
  const weights = new Map<number, number>();
  for (const term of index.analyzer(query)) {
    const id = index.termIds.get(term);
    if (id !== undefined) weights.set(id, (weights.get(id) ?? 0) + 1);
  }
  return weights;
}

/**
 * The `k` best documents for `query`, best first; equal scores keep index order (as Lucene does).
 * Returns document numbers (positions in the array given to `buildBM25Index`).
 */
export function searchBM25(index: BM25Index, query: string, k = 10): Scored[] {
  const scores = new Float64Array(index.docCount);
  const touched: number[] = [];
  const { postingStart, postingDocs, postingFreqs } = index;
  for (const [id, weight] of queryTermWeights(index, query)) {
    const from = postingStart[id];
    const to = postingStart[id + 1];
    const idf = weight * bm25Idf(index.docCount, to - from);
    for (let i = from; i < to; i++) {
      const d = postingDocs[i];
      if (scores[d] === 0) touched.push(d);
      const tf = postingFreqs[i];
      scores[d] += (idf * tf) / (tf + index.lengthNorms[d]);
    }
  }
  return topK(touched, scores, k);
}

/**
 * Memory the index's data takes, in bytes: postings (document numbers and frequencies, and where
 * each term's begin), the
 * per-document length norms, and the vocabulary (UTF-16 term text + a 4-byte term id per term).
 * JavaScript's own object overhead is left out, so this is comparable to a model's weight bytes.
 */
export function bm25IndexBytes(index: BM25Index): number {
  let bytes =
    index.lengthNorms.byteLength +
    index.postingStart.byteLength +
    index.postingDocs.byteLength +
    index.postingFreqs.byteLength;
  for (const term of index.termIds.keys()) bytes += 2 * term.length + 4;
  return bytes;
}
