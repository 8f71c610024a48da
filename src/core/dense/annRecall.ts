/** When the page answers dense queries with an approximate index instead of exact search. */
export interface DenseSearchPlanParams {
  /**
   * Corpora with more documents than this get an HNSW index; smaller ones are searched exactly
   * (one matMul over all embeddings is cheap there). Default 10,000; range 1,000–1,000,000.
   */
  annThreshold: number;
  /** Queries sampled to measure the HNSW index's recall@10 against exact search. Default 200. */
  recallQueries: number;
}

export const DEFAULT_DENSE_SEARCH_PLAN: DenseSearchPlanParams = {
  annThreshold: 10_000,
  recallQueries: 200,
};

/** Recall@k of approximate result lists against exact ones: mean |approx ∩ exact top k| / |exact top k|. */
export function recallAtK(
  exact: readonly (readonly number[])[],
  approx: readonly (readonly number[])[],
  k: number,
): number {
  if (exact.length !== approx.length) {
    throw new Error(`${exact.length} exact lists but ${approx.length} approximate ones`);
  }
  let sum = 0;
  let counted = 0;
  for (let q = 0; q < exact.length; q++) {
    const truth = new Set(exact[q].slice(0, k));
    if (truth.size === 0) continue;
    let found = 0;
    for (const i of approx[q].slice(0, k)) if (truth.has(i)) found++;
    sum += found / truth.size;
    counted++;
  }
  return counted === 0 ? 1 : sum / counted;
}
