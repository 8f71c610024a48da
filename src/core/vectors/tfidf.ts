import { createAnalyzer, type Analyzer } from '../text/analyzer';

/** A sparse row: term indices ascending, with their weights. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface TfidfParams {
  /** Ignore terms found in fewer documents. Default 1; raise to 2–5 on large corpora. */
  minDocFreq: number;
  /** Ignore terms found in more than this fraction of documents. Default 0.5. */
  maxDocFraction: number;
  /** Keep at most this many terms, the most frequent first. Default 50 000. */
  maxTerms: number;
}

export const DEFAULT_TFIDF_PARAMS: TfidfParams = {
  minDocFreq: 1,
  maxDocFraction: 0.5,
  maxTerms: 50_000,
};

export interface TfidfMatrix {
  /** term of each column */
  terms: string[];
  /** idf of each column: ln((1 + N) / (1 + df)) + 1 (smoothed, as scikit-learn) */
  idf: Float32Array;
  /** one L2-normalised row per document: sublinear tf (1 + ln tf) × idf */
  rows: SparseVector[];
}

/** TF-IDF vectors of `texts` over analyzed terms (stemmed, stop words removed). */
export function buildTfidf(
  texts: readonly string[],
  params: TfidfParams = DEFAULT_TFIDF_PARAMS,
  analyzer: Analyzer = createAnalyzer(),
): TfidfMatrix {
  const docTerms = texts.map((t) => {
    const counts = new Map<string, number>();
    for (const term of analyzer(t)) counts.set(term, (counts.get(term) ?? 0) + 1);
    return counts;
  });
  const df = new Map<string, number>();
  for (const counts of docTerms)
    for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = texts.length;
  const maxDf = Math.max(1, Math.floor(params.maxDocFraction * n));
  const terms = [...df.entries()]
    .filter(([, f]) => f >= params.minDocFreq && (n < 3 || f <= maxDf))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, params.maxTerms)
    .map(([t]) => t)
    .sort();
  const column = new Map(terms.map((t, i) => [t, i]));
  const idf = Float32Array.from(terms, (t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1);
  const rows = docTerms.map((counts): SparseVector => {
    const entries: [number, number][] = [];
    for (const [term, tf] of counts) {
      const c = column.get(term);
      if (c !== undefined) entries.push([c, (1 + Math.log(tf)) * idf[c]]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    let sq = 0;
    for (const e of entries) sq += e[1] * e[1];
    const norm = Math.sqrt(sq) || 1;
    return {
      indices: Int32Array.from(entries, (e) => e[0]),
      values: Float32Array.from(entries, (e) => e[1] / norm),
    };
  });
  return { terms, idf, rows };
}
