import type { Corpus } from '../corpus/types';
import { createRandom, shuffled } from '../random';
import type { Qrels } from './types';

export interface DevSplitParams {
  /** Share of the train split's queries moved to dev. Default 0.15; range 0.05–0.5. */
  fraction: number;
  /** Seed of the shuffle that picks them. Default 1. */
  seed: number;
}

export const DEFAULT_DEV_SPLIT: DevSplitParams = { fraction: 0.15, seed: 1 };

/** The split that training reads, the one carved from it, and the one reported once by the bench. */
export const SPLITS = { train: 'train', dev: 'dev', test: 'test' } as const;

/**
 * Tune on dev, report test once: move a seeded share of the train split's queries (all their
 * judgments together) to a new "dev" split. Curves, early stopping and presets read dev; the
 * benchmark alone reads test. A corpus that already has a dev split, or has no train split with
 * two queries or more, comes back unchanged.
 */
export function withDevSplit(corpus: Corpus, params: DevSplitParams = DEFAULT_DEV_SPLIT): Corpus {
  const train = corpus.qrels[SPLITS.train];
  if (!train || corpus.qrels[SPLITS.dev] || train.size < 2) return corpus;
  const fraction = Math.min(0.5, Math.max(0.05, params.fraction));
  // sorted first, so the pick depends on the query ids and the seed, not on file order
  const ids = [...train.keys()].sort();
  const count = Math.max(1, Math.round(fraction * ids.length));
  const dev = new Set(shuffled(ids, createRandom(params.seed)).slice(0, count));
  const keep: Qrels = new Map();
  const carved: Qrels = new Map();
  for (const [query, judged] of train) (dev.has(query) ? carved : keep).set(query, judged);
  return { ...corpus, qrels: { ...corpus.qrels, [SPLITS.train]: keep, [SPLITS.dev]: carved } };
}
