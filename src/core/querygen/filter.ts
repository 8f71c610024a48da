import { searchBM25, type BM25Index } from '../lexical/bm25';

/**
 * DSI-QG's filtering step (Zhuang et al. 2022): a generated query is kept only if a ranker puts
 * its own passage near the top, so queries that point elsewhere do not teach the wrong docid.
 * DSI-QG ranks with a cross-encoder; here any scorer we have (BM25, the dense model) does.
 */
export interface QueryFilterParams {
  /** keep a generated query if its own passage ranks within the top r. Default 10; range 1–100 */
  maxRank: number;
}

export const DEFAULT_QUERY_FILTER_PARAMS: QueryFilterParams = { maxRank: 10 };

/** The 1-based rank of document `doc` for query `text`; Infinity when it is not retrieved. */
export type RankOf = (text: string, doc: number) => number;

/** A generated query with the rank of its passage and the keep decision. */
export interface FilteredQuery {
  doc: number;
  text: string;
  /** 1-based rank of `doc` for `text`; Infinity when it was not retrieved */
  rank: number;
  kept: boolean;
}

/** Rank each generated query's passage and mark the query kept when that rank is ≤ maxRank. */
export function filterGenerated(
  queries: readonly { doc: number; text: string }[],
  rankOf: RankOf,
  params: QueryFilterParams = DEFAULT_QUERY_FILTER_PARAMS,
): FilteredQuery[] {
  return queries.map(({ doc, text }) => {
    const rank = rankOf(text, doc);
    return { doc, text, rank, kept: rank <= params.maxRank };
  });
}

/** The share of queries kept, in [0, 1]; 0 for an empty list. */
export function keptFraction(list: readonly { kept: boolean }[]): number {
  if (list.length === 0) return 0;
  return list.filter((q) => q.kept).length / list.length;
}

/** A `RankOf` that searches `index` with BM25 to `depth` results (Infinity beyond them). */
export function bm25RankOf(index: BM25Index, depth: number): RankOf {
  return (text, doc) => {
    const i = searchBM25(index, text, depth).findIndex((hit) => hit.doc === doc);
    return i < 0 ? Infinity : i + 1;
  };
}
