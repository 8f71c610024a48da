import { countWords } from '../text/analyzer';
import type { Corpus } from './types';

export interface LengthStats {
  min: number;
  max: number;
  mean: number;
  median: number;
  p90: number;
  /** counts per bin of equal width from 0 to max */
  histogram: { from: number; to: number; count: number }[];
}

export interface CorpusStats {
  docs: number;
  queries: number;
  /** split → judged queries and judged pairs */
  splits: Record<string, { queries: number; pairs: number }>;
  /** words per document (title + text), before stop-word removal */
  docLengths: LengthStats;
  queryLengths: LengthStats | null;
}

/** Summary statistics of a list of lengths; `bins` histogram bins. */
export function lengthStats(lengths: number[], bins = 12): LengthStats {
  if (lengths.length === 0) return { min: 0, max: 0, mean: 0, median: 0, p90: 0, histogram: [] };
  const sorted = Float64Array.from(lengths).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const max = sorted[sorted.length - 1];
  const width = Math.max(1, Math.ceil((max + 1) / bins));
  const histogram = Array.from({ length: Math.ceil((max + 1) / width) }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width - 1,
    count: 0,
  }));
  for (const n of lengths) histogram[Math.floor(n / width)].count++;
  return {
    min: sorted[0],
    max,
    mean: lengths.reduce((a, b) => a + b, 0) / lengths.length,
    median: at(0.5),
    p90: at(0.9),
    histogram,
  };
}

/**
 * The corpus panel's statistics. `docWords` (per document, title and text together, as the BM25
 * index counted them) saves counting the words of a large corpus a second time.
 */
export function corpusStats(corpus: Corpus, docWords?: ArrayLike<number>): CorpusStats {
  const splits: CorpusStats['splits'] = {};
  for (const [split, qrels] of Object.entries(corpus.qrels)) {
    let pairs = 0;
    for (const judged of qrels.values()) pairs += judged.size;
    splits[split] = { queries: qrels.size, pairs };
  }
  return {
    docs: corpus.docs.length,
    queries: corpus.queries.length,
    splits,
    docLengths: lengthStats(
      docWords
        ? Array.from(docWords)
        : corpus.docs.map((d) => countWords(d.title) + countWords(d.text)),
    ),
    queryLengths: corpus.queries.length
      ? lengthStats(corpus.queries.map((q) => countWords(q.text)))
      : null,
  };
}
