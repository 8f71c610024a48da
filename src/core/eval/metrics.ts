import type { Qrels, Run, RunEntry } from './types';

/** A metric name such as `nDCG@10`, `Recall@100`, `MRR@10`, `Hits@1`. */
export type MetricName = `${'nDCG' | 'Recall' | 'MRR' | 'Hits'}@${number}`;

/** The metrics every benchmark row and the Evaluate panel report, in display order. */
export const STANDARD_METRICS: MetricName[] = [
  'nDCG@10',
  'Recall@100',
  'MRR@10',
  'Hits@1',
  'Hits@10',
];

export interface EvaluationResult {
  /** metric → mean over the evaluated queries */
  mean: Record<string, number>;
  /** query id → metric → value */
  perQuery: Map<string, Record<string, number>>;
  /** queries in the qrels with at least one relevant document: the ones averaged over */
  evaluatedQueries: number;
  /** evaluated queries the run has no ranking for (they score 0, as `trec_eval -c` does) */
  missingFromRun: number;
}

/**
 * The ranking trec_eval sees: score descending, ties broken by document id descending
 * (trec_eval sorts equal scores by docno in reverse string order), duplicate ids dropped.
 */
export function rankLikeTrecEval(entries: readonly RunEntry[]): string[] {
  const sorted = [...entries].sort(
    (a, b) => b.score - a.score || (a.docId < b.docId ? 1 : a.docId > b.docId ? -1 : 0),
  );
  const seen = new Set<string>();
  const ranked: string[] = [];
  for (const e of sorted) {
    if (!seen.has(e.docId)) {
      seen.add(e.docId);
      ranked.push(e.docId);
    }
  }
  return ranked;
}

function parseMetric(name: string): { kind: string; k: number } {
  const m = /^(nDCG|Recall|MRR|Hits)@(\d+)$/.exec(name);
  if (!m || Number(m[2]) < 1) throw new Error(`unknown metric "${name}"`);
  return { kind: m[1], k: Number(m[2]) };
}

/** trec_eval `ndcg_cut.k`: linear gains (the grade), log2(rank + 1) discount, ideal from qrels. */
export function ndcgAt(ranked: readonly string[], judged: Map<string, number>, k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    const gain = judged.get(ranked[i]) ?? 0;
    if (gain > 0) dcg += gain / Math.log2(i + 2);
  }
  const ideal = [...judged.values()].filter((g) => g > 0).sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, ideal.length); i++) idcg += ideal[i] / Math.log2(i + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

/** trec_eval `recall.k`: relevant documents in the top k ÷ all relevant documents. */
export function recallAt(
  ranked: readonly string[],
  judged: Map<string, number>,
  k: number,
): number {
  let relevant = 0;
  for (const g of judged.values()) if (g >= 1) relevant++;
  if (relevant === 0) return 0;
  let found = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++)
    if ((judged.get(ranked[i]) ?? 0) >= 1) found++;
  return found / relevant;
}

/** ir_measures `RR@k`: 1 / rank of the first relevant document within the top k, else 0. */
export function reciprocalRankAt(
  ranked: readonly string[],
  judged: Map<string, number>,
  k: number,
): number {
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    if ((judged.get(ranked[i]) ?? 0) >= 1) return 1 / (i + 1);
  }
  return 0;
}

/** ir_measures `Success@k` (Hits@k): 1 when any relevant document is in the top k. */
export function hitsAt(ranked: readonly string[], judged: Map<string, number>, k: number): number {
  return reciprocalRankAt(ranked, judged, k) > 0 ? 1 : 0;
}

const METRIC_FNS: Record<
  string,
  (r: readonly string[], j: Map<string, number>, k: number) => number
> = {
  nDCG: ndcgAt,
  Recall: recallAt,
  MRR: reciprocalRankAt,
  Hits: hitsAt,
};

/**
 * Score `run` against `qrels`. Averages over the queries of the qrels that have at least one
 * relevant document; a run's queries without qrels are ignored, and evaluated queries the run
 * lacks count 0 (trec_eval `-c`).
 */
export function evaluateRun(
  qrels: Qrels,
  run: Run,
  metrics: readonly string[] = STANDARD_METRICS,
): EvaluationResult {
  const parsed = metrics.map((name) => ({ name, ...parseMetric(name) }));
  const perQuery = new Map<string, Record<string, number>>();
  const sums: Record<string, number> = Object.fromEntries(metrics.map((m) => [m, 0]));
  let missingFromRun = 0;
  for (const [queryId, judged] of qrels) {
    if (![...judged.values()].some((g) => g >= 1)) continue;
    const entries = run.get(queryId);
    if (!entries) missingFromRun++;
    const ranked = entries ? rankLikeTrecEval(entries) : [];
    const values: Record<string, number> = {};
    for (const { name, kind, k } of parsed) {
      values[name] = METRIC_FNS[kind](ranked, judged, k);
      sums[name] += values[name];
    }
    perQuery.set(queryId, values);
  }
  const n = perQuery.size;
  const mean = Object.fromEntries(metrics.map((m) => [m, n > 0 ? sums[m] / n : 0]));
  return { mean, perQuery, evaluatedQueries: n, missingFromRun };
}
