import { createAnalyzer, type Analyzer } from '../text/analyzer';
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
  /** per term: ascending document numbers containing it */
  postingDocs: Int32Array[];
  /** per term: the term's frequency in each of those documents */
  postingFreqs: Uint16Array[];
  /** per document: k1 · (1 − b + b · length / avgLength), precomputed */
  lengthNorms: Float32Array;
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

/** Build an inverted index over `docs`. `onProgress(done, total)` is called every few thousand docs. */
export function buildBM25Index(
  docs: readonly BM25Document[],
  params: BM25Params = DEFAULT_BM25_PARAMS,
  analyzer: Analyzer = createAnalyzer(),
  onProgress?: (done: number, total: number) => void,
): BM25Index {
  const termIds = new Map<string, number>();
  const docsOf: number[][] = [];
  const freqsOf: number[][] = [];
  const lengths = new Uint32Array(docs.length);
  let totalLength = 0;
  const counts = new Map<number, number>();

  for (let d = 0; d < docs.length; d++) {
    const terms = analyzer(docs[d].text);
    lengths[d] = terms.length;
    totalLength += terms.length;
    counts.clear();
    for (const term of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = docsOf.length;
        termIds.set(term, id);
        docsOf.push([]);
        freqsOf.push([]);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, freq] of counts) {
      docsOf[id].push(d);
      freqsOf[id].push(Math.min(freq, 0xffff));
    }
    if (onProgress && d % 2000 === 1999) onProgress(d + 1, docs.length);
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
    termIds,
    postingDocs: docsOf.map((a) => Int32Array.from(a)),
    postingFreqs: freqsOf.map((a) => Uint16Array.from(a)),
    lengthNorms,
    analyzer,
  };
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
  for (const [id, weight] of queryTermWeights(index, query)) {
    const docs = index.postingDocs[id];
    const freqs = index.postingFreqs[id];
    const idf = weight * bm25Idf(index.docCount, docs.length);
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i];
      if (scores[d] === 0) touched.push(d);
      const tf = freqs[i];
      scores[d] += (idf * tf) / (tf + index.lengthNorms[d]);
    }
  }
  return topK(touched, scores, k);
}

/**
 * Memory the index's data takes, in bytes: postings (document numbers and frequencies), the
 * per-document length norms, and the vocabulary (UTF-16 term text + a 4-byte term id per term).
 * JavaScript's own object overhead is left out, so this is comparable to a model's weight bytes.
 */
export function bm25IndexBytes(index: BM25Index): number {
  let bytes = index.lengthNorms.byteLength;
  for (let t = 0; t < index.postingDocs.length; t++) {
    bytes += index.postingDocs[t].byteLength + index.postingFreqs[t].byteLength;
  }
  for (const term of index.termIds.keys()) bytes += 2 * term.length + 4;
  return bytes;
}
