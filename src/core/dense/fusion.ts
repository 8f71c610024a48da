/** One method's ranked list to fuse (BM25, dense, generative, …). */
export interface FusionInput {
  /** the method's name; names must be distinct, they key `FusedHit.ranks` */
  name: string;
  /** its share of the fused score; 0 (or less) leaves the method out entirely. Usually 0–1 */
  weight: number;
  /** ranked best first; a docId repeated lower in the list is ignored */
  hits: readonly { docId: string }[];
}

export interface FusedHit {
  docId: string;
  /** Σ weight / (k + rank) over the methods that returned the document */
  score: number;
  /** 1-based rank of the document in each method with weight > 0; undefined where it is absent */
  ranks: Record<string, number | undefined>;
}

export interface RrfParams {
  /**
   * Rank offset: how much the top few ranks dominate. Small k rewards a method's first hits
   * strongly; large k flattens toward counting how many methods returned a document. Default 60
   * (Cormack et al. found it robust), range 1–1000.
   */
  k: number;
}

export const DEFAULT_RRF_PARAMS: RrfParams = { k: 60 };

/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009), weighted: a document scores
 * Σ_m weight_m / (k + rank_m(doc)). Sorted by score, then by the best rank any method gave the
 * document, then by docId, so the output is deterministic.
 */
export function reciprocalRankFusion(
  inputs: readonly FusionInput[],
  params: RrfParams = DEFAULT_RRF_PARAMS,
): FusedHit[] {
  const used = inputs.filter((m) => m.weight > 0);
  const byDoc = new Map<string, FusedHit & { bestRank: number }>();
  for (const method of used) {
    method.hits.forEach(({ docId }, i) => {
      let hit = byDoc.get(docId);
      if (!hit) {
        const ranks: Record<string, number | undefined> = {};
        for (const m of used) ranks[m.name] = undefined;
        hit = { docId, score: 0, ranks, bestRank: Infinity };
        byDoc.set(docId, hit);
      }
      if (hit.ranks[method.name] !== undefined) return;
      const rank = i + 1;
      hit.ranks[method.name] = rank;
      hit.score += method.weight / (params.k + rank);
      hit.bestRank = Math.min(hit.bestRank, rank);
    });
  }
  return [...byDoc.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.bestRank - b.bestRank ||
        (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0),
    )
    .map(({ docId, score, ranks }) => ({ docId, score, ranks }));
}
