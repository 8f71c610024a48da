import type { StepTrace } from '../decode/beamSearch';
import { docsOf, rangeOf, type NgramIndex } from './ngramIndex';
import {
  intersectiveScores,
  ngramWeight,
  type DocumentScore,
  type SealScoringParams,
} from './scoring';

/** A generated n-gram as a key of SEAL's scoring. */
export interface NgramKey {
  tokens: number[];
  /** log P(n|q): the log-probability of writing its tokens (no end token) */
  logProb: number;
  /** occurrences in the corpus */
  count: number;
  /** its weight in the scoring: ngramWeight(…)^alpha (0 when it counts for nothing) */
  weight: number;
  /** documents it occurs in (0 when skipped as too common) */
  docCount: number;
}

export interface SealRanking {
  /** every distinct n-gram the search held, heaviest first (ties: shorter, then token order) */
  keys: NgramKey[];
  /** documents by score, best first; `matches` index `keys` */
  ranked: DocumentScore[];
}

/**
 * Rank documents from a beam search over n-grams (SEAL). Every prefix a beam held is a key, with
 * the log-probability the model gave it — the finished n-grams and the partial ones on their way,
 * so a document sharing a shorter piece with the query still scores. Keys found more than
 * `maxOccurrences` times are kept for display with no documents.
 */
export function rankDocuments(
  index: NgramIndex,
  trace: readonly Pick<StepTrace, 'beams'>[],
  params: SealScoringParams,
): SealRanking {
  const best = new Map<string, { tokens: number[]; logProb: number }>();
  for (const entry of trace) {
    for (const beam of entry.beams) {
      if (beam.prefix.length === 0) continue;
      const key = beam.prefix.join(' ');
      const seen = best.get(key);
      if (!seen || beam.logProb > seen.logProb)
        best.set(key, { tokens: beam.prefix, logProb: beam.logProb });
    }
  }
  const scored = [...best.values()].map((k) => {
    const range = rangeOf(index, k.tokens);
    const count = range ? range.hi - range.lo : 0;
    const weight = ngramWeight(k.logProb, count, index.tokens, params.smoothing) ** params.alpha;
    const docs =
      range && count <= params.maxOccurrences ? docsOf(index, range).docs : new Int32Array(0);
    return { ...k, count, weight, docs };
  });
  scored.sort(
    (a, b) =>
      b.weight - a.weight ||
      a.tokens.length - b.tokens.length ||
      a.tokens.join(' ').localeCompare(b.tokens.join(' ')),
  );
  const ranked = intersectiveScores(scored, params.beta);
  const keys = scored.map(({ docs, ...k }) => ({ ...k, docCount: docs.length }));
  return { keys, ranked };
}
