/** Which generator made a pseudo-query. */
export type QueryGenStrategy = 'span' | 'keywords';

/** A query generated from document `doc` (its index in the corpus), standing in for a real one. */
export interface PseudoQuery {
  doc: number;
  text: string;
  strategy: QueryGenStrategy;
}

/**
 * Settings for pseudo-query generation. Out-of-range values are clamped by
 * `normalizeQueryGenParams` rather than rejected, so two independent sliders (min, max) cannot
 * produce an error.
 */
export interface QueryGenParams {
  /** Pseudo-queries per document per strategy. Default 3; range 0–20. */
  perDoc: number;
  /** Strategies to use, in output order. Default ['span', 'keywords']. */
  strategies: QueryGenStrategy[];
  /** Shortest span in words. Default 8 (NCI's document-as-query spans); range 1–64. */
  spanMin: number;
  /** Longest span in words. Default 20; range spanMin–64. */
  spanMax: number;
  /** Fewest keywords per keyword query. Default 3; range 1–16. */
  keywordsMin: number;
  /** Most keywords per keyword query. Default 6; range keywordsMin–16. */
  keywordsMax: number;
  /** Seed of the random choices: same texts + params → same queries. Default 1. */
  seed: number;
}

export const DEFAULT_QUERYGEN_PARAMS: QueryGenParams = {
  perDoc: 3,
  strategies: ['span', 'keywords'],
  spanMin: 8,
  spanMax: 20,
  keywordsMin: 3,
  keywordsMax: 6,
  seed: 1,
};

const clampInt = (x: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, Number.isFinite(x) ? Math.floor(x) : lo));

/** Clamp every setting into its documented range and drop repeated strategies. */
export function normalizeQueryGenParams(p: QueryGenParams): QueryGenParams {
  const spanMin = clampInt(p.spanMin, 1, 64);
  const keywordsMin = clampInt(p.keywordsMin, 1, 16);
  return {
    perDoc: clampInt(p.perDoc, 0, 20),
    strategies: [...new Set(p.strategies)],
    spanMin,
    spanMax: clampInt(p.spanMax, spanMin, 64),
    keywordsMin,
    keywordsMax: clampInt(p.keywordsMax, keywordsMin, 16),
    seed: Number.isFinite(p.seed) ? Math.floor(p.seed) : DEFAULT_QUERYGEN_PARAMS.seed,
  };
}
