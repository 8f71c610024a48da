/**
 * SEAL's intersective scoring (Bevilacqua et al. 2022, "Autoregressive Search Engines"): the
 * n-grams the model generated for a query are keys; a document scores the weights of the distinct
 * keys it contains, each discounted by how much of it earlier (heavier) keys already covered.
 */

export interface SealScoringParams {
  /** Exponent on each n-gram's weight: higher favours a few strong n-grams. Default 2; range 0.5–4. */
  alpha: number;
  /** How much an n-gram whose tokens heavier keys already hold is discounted. Default 0.8; range 0–1. */
  beta: number;
  /** Added to an n-gram's corpus count (and the corpus size) so rare n-grams are not overweighted. Default 5; 0–100. */
  smoothing: number;
  /** Keys found more often than this in the corpus are too common to point anywhere; skipped. Default 20000; ≥ 1. */
  maxOccurrences: number;
}

export const DEFAULT_SEAL_SCORING: SealScoringParams = {
  alpha: 2,
  beta: 0.8,
  smoothing: 5,
  maxOccurrences: 20_000,
};

/**
 * An n-gram's weight for a query: log of the odds ratio between the model's probability of it
 * given the query, P(n|q) = exp(logProb), and its unconditional probability in the corpus,
 * P(n) = (count + s) / (tokens + s); zero when the query makes it no likelier than chance.
 *
 *   w = max(0, log[P(n|q)·(1 − P(n))] − log[P(n)·(1 − P(n|q))])
 */
export function ngramWeight(
  logProb: number,
  count: number,
  corpusTokens: number,
  smoothing: number,
): number {
  if (count <= 0) return 0;
  // a probability of exactly 1 would make 1 − P(n|q) zero: nudge it below
  const conditional = Math.min(logProb, 0) - 1e-10;
  const prior = Math.log((count + smoothing) / (corpusTokens + smoothing));
  const w =
    conditional + Math.log1p(-Math.exp(prior)) - (prior + Math.log1p(-Math.exp(conditional)));
  return Math.max(0, w);
}

/** A weighted key and the documents it occurs in (ascending document numbers). */
export interface ScoredKey {
  tokens: readonly number[];
  /** ngramWeight(…)^alpha */
  weight: number;
  docs: ArrayLike<number>;
}

export interface DocumentScore {
  doc: number;
  score: number;
  /** indices into the keys, heaviest first, with what each added to the score */
  matches: { key: number; added: number }[];
}

/**
 * Score documents by the keys they contain. Within a document, keys are taken heaviest first
 * (ties: the earlier key); each adds weight·(1 − β + β·new/size), where size is the number of
 * distinct tokens of the key and new how many of them no heavier key of that document held.
 * Results are ranked by score, ties by document number. Keys of weight 0 add nothing.
 */
export function intersectiveScores(keys: readonly ScoredKey[], beta: number): DocumentScore[] {
  const order = keys
    .map((_, i) => i)
    .filter((i) => keys[i].weight > 0)
    .sort((a, b) => keys[b].weight - keys[a].weight || a - b);
  const byDoc = new Map<
    number,
    { score: number; covered: Set<number>; matches: DocumentScore['matches'] }
  >();
  for (const key of order) {
    const types = new Set(keys[key].tokens);
    if (types.size === 0) continue;
    for (let i = 0; i < keys[key].docs.length; i++) {
      const doc = keys[key].docs[i];
      let entry = byDoc.get(doc);
      if (!entry) byDoc.set(doc, (entry = { score: 0, covered: new Set(), matches: [] }));
      let fresh = 0;
      for (const t of types) if (!entry.covered.has(t)) fresh++;
      const added = keys[key].weight * (1 - beta + (beta * fresh) / types.size);
      entry.score += added;
      entry.matches.push({ key, added });
      for (const t of types) entry.covered.add(t);
    }
  }
  return [...byDoc.entries()]
    .map(([doc, e]) => ({ doc, score: e.score, matches: e.matches }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}
