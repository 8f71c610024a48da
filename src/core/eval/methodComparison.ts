import { reciprocalRankFusion, type RrfParams } from '../dense/fusion';
import { evaluateRun, STANDARD_METRICS } from './metrics';
import type { Qrels, Run, RunEntry } from './types';

/** One retrieval method's answers to a query set, as the Evaluate panel and benchmarks collect them. */
export interface MethodResults {
  name: string;
  /** query id → ranked entries (best first) */
  run: Record<string, RunEntry[]>;
  /** per query, in ms */
  latencyMs: number[];
  /** memory the method needs to answer, in bytes (weights, embeddings, index) */
  bytes: number;
}

export interface MethodScore {
  name: string;
  mean: Record<string, number>;
  perQuery: Map<string, Record<string, number>>;
  evaluatedQueries: number;
  latencyMs: { p50: number; p95: number };
  bytes: number;
}

/**
 * Answer `queries` one at a time with `search`, timing each: the run and latencies a MethodResults
 * needs. `performance.now()` exists in browsers, workers and Node alike.
 */
export async function timedRun(
  queries: readonly { id: string; text: string }[],
  search: (text: string) => RunEntry[] | Promise<RunEntry[]>,
): Promise<Pick<MethodResults, 'run' | 'latencyMs'>> {
  const run: Record<string, RunEntry[]> = {};
  const latencyMs: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    run[q.id] = await search(q.text);
    latencyMs.push(performance.now() - start);
  }
  return { run, latencyMs };
}

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * Fuse methods query by query with weighted reciprocal rank fusion, keeping `depth` documents.
 * Its latency per query is the sum of the fused methods' (they run one after another) and its
 * memory the sum of theirs.
 */
export function fuseMethods(
  methods: readonly (MethodResults & { weight: number })[],
  params: RrfParams,
  depth: number,
  name = 'Fusion (RRF)',
): MethodResults {
  const used = methods.filter((m) => m.weight > 0);
  const queryIds = new Set(used.flatMap((m) => Object.keys(m.run)));
  const run: Record<string, RunEntry[]> = {};
  for (const q of queryIds) {
    run[q] = reciprocalRankFusion(
      used.map((m) => ({ name: m.name, weight: m.weight, hits: m.run[q] ?? [] })),
      params,
    )
      .slice(0, depth)
      .map((h) => ({ docId: h.docId, score: h.score }));
  }
  const queries = Math.max(0, ...used.map((m) => m.latencyMs.length));
  const latencyMs = Array.from({ length: queries }, (_, i) =>
    used.reduce((sum, m) => sum + (m.latencyMs[i] ?? 0), 0),
  );
  return { name, run, latencyMs, bytes: used.reduce((sum, m) => sum + m.bytes, 0) };
}

/** Score every method on the same qrels with the standard metrics. */
export function scoreMethods(
  qrels: Qrels,
  methods: readonly MethodResults[],
  metrics: readonly string[] = STANDARD_METRICS,
): MethodScore[] {
  return methods.map((m) => {
    const run: Run = new Map(Object.entries(m.run));
    const result = evaluateRun(qrels, run, metrics);
    return {
      name: m.name,
      mean: result.mean,
      perQuery: result.perQuery,
      evaluatedQueries: result.evaluatedQueries,
      latencyMs: { p50: percentile(m.latencyMs, 50), p95: percentile(m.latencyMs, 95) },
      bytes: m.bytes,
    };
  });
}
