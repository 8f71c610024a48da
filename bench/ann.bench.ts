import { cpus } from 'node:os';
import { exactTopK, type ScoredIndex } from '../src/core/dense/exactTopK';
import { buildHnsw, DEFAULT_HNSW_PARAMS, type HnswParams } from '../src/core/dense/hnsw';
import { createRandom } from '../src/core/random';
import { currentCommit, percentiles, type BenchRow } from './results';

/** The synthetic collection: uniform directions on the unit sphere, the hard case for HNSW. */
export const ANN_SETUP = { docs: 20_000, queries: 1_000, dim: 64, k: 10, docSeed: 1, querySeed: 2 };
/** efSearch values measured for each graph (the default is added when not among them). */
const EF_SEARCH = [32, 64, 128];
/** Graphs built: the tuned default, and the paper's common M = 16 for comparison. */
const GRAPHS: HnswParams[] = [DEFAULT_HNSW_PARAMS, { ...DEFAULT_HNSW_PARAMS, M: 16 }];
/** Each query's latency is the median of this many runs, so one GC pause is not a query's cost. */
const QUERY_REPEATS = 3;

/** n seeded Gaussian vectors scaled to unit length (Box–Muller), row-major n×d. */
function unitVectors(n: number, d: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const g = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      out[i * d + j] = g;
      norm += g * g;
    }
    for (let j = 0; j < d; j++) out[i * d + j] /= Math.sqrt(norm);
  }
  return out;
}

interface Searcher {
  method: string;
  config: Record<string, unknown>;
  buildS: number;
  search: (query: Float32Array) => ScoredIndex[];
}

/**
 * Run every searcher on every query, interleaved query by query, so load from other processes
 * falls on all methods alike. Returns each searcher's hits and per-query median latency (ms).
 */
function timeInterleaved(
  searchers: Searcher[],
  queries: Float32Array,
  d: number,
): { hits: ScoredIndex[][]; latencies: number[] }[] {
  const n = queries.length / d;
  const query = (q: number) => queries.subarray(q * d, (q + 1) * d);
  // an untimed pass warms the JIT for every searcher before any is timed
  for (const s of searchers) for (let q = 0; q < n; q++) s.search(query(q));
  const out = searchers.map(() => ({ hits: [] as ScoredIndex[][], latencies: [] as number[] }));
  for (let q = 0; q < n; q++) {
    searchers.forEach((s, i) => {
      const times: number[] = [];
      for (let r = 0; r < QUERY_REPEATS; r++) {
        const t0 = performance.now();
        out[i].hits[q] = s.search(query(q));
        times.push(performance.now() - t0);
      }
      out[i].latencies.push(percentiles(times).p50);
    });
  }
  return out;
}

/** Mean over queries of |found ∩ true top k| / k. */
function meanRecall(found: ScoredIndex[][], truth: ScoredIndex[][], k: number): number {
  let sum = 0;
  for (let q = 0; q < truth.length; q++) {
    const want = new Set(truth[q].map((h) => h.index));
    sum += found[q].filter((h) => want.has(h.index)).length / k;
  }
  return sum / truth.length;
}

/** HNSW against exact inner-product search on 20k random unit vectors: recall@10 and latency. */
export function benchAnn(): BenchRow[] {
  const { docs, queries: nq, dim: d, k } = ANN_SETUP;
  const data = unitVectors(docs, d, ANN_SETUP.docSeed);
  const queries = unitVectors(nq, d, ANN_SETUP.querySeed);
  const dataset = `random-unit-${docs / 1000}k-d${d}`;
  const date = new Date().toISOString();
  const commit = currentCommit();
  const backend = `node ${process.version} (CPU, one thread of ${cpus().length} cores, no TF.js)`;
  const row = (
    method: string,
    config: Record<string, unknown>,
    recall: number,
    timing: Record<string, number>,
  ): BenchRow => ({
    dataset,
    split: `${nq} random queries`,
    method,
    config: { ...config, docs, dim: d, k },
    metrics: { 'Recall@10': Number(recall.toFixed(4)) },
    timing: { ...timing, queries: nq, docs },
    backend,
    commit,
    date,
  });

  const searchers: Searcher[] = [
    {
      method: 'exact (brute force)',
      config: {},
      buildS: 0,
      search: (q) => exactTopK(data, d, q, k),
    },
  ];
  for (const params of GRAPHS) {
    const t0 = performance.now();
    const index = buildHnsw(data, d, params);
    const buildS = Number(((performance.now() - t0) / 1000).toFixed(2));
    console.log(
      `${dataset}: HNSW M=${params.M} efConstruction=${params.efConstruction} built in ${buildS} s`,
    );
    const isDefault = params === DEFAULT_HNSW_PARAMS;
    const efs = new Set([...EF_SEARCH, ...(isDefault ? [params.efSearch] : [])]);
    for (const ef of [...efs].sort((a, b) => a - b)) {
      const tag = isDefault && ef === params.efSearch ? ' (default)' : '';
      searchers.push({
        method: `HNSW M=${params.M} efSearch=${ef}${tag}`,
        config: { ...params, efSearch: ef },
        buildS,
        search: (q) => index.search(q, k, ef),
      });
    }
  }
  const measured = timeInterleaved(searchers, queries, d);
  const exactP50 = percentiles(measured[0].latencies).p50;
  const rows = searchers.map((s, i) => {
    const { p50, p95 } = percentiles(measured[i].latencies);
    return row(s.method, s.config, meanRecall(measured[i].hits, measured[0].hits, k), {
      buildS: s.buildS,
      queryP50Ms: Number(p50.toFixed(3)),
      queryP95Ms: Number(p95.toFixed(3)),
      speedupP50: Number((exactP50 / p50).toFixed(2)),
    });
  });
  return rows;
}
