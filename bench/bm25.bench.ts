import MiniSearch from 'minisearch';
import { docText } from '../src/core/corpus/docText';
import type { Corpus } from '../src/core/corpus/types';
import { evaluateRun, STANDARD_METRICS } from '../src/core/eval/metrics';
import type { Run } from '../src/core/eval/types';
import {
  buildBM25Index,
  DEFAULT_BM25_PARAMS,
  searchBM25,
  type BM25Params,
} from '../src/core/lexical/bm25';
import { createAnalyzer } from '../src/core/text/analyzer';
import { currentCommit, percentiles, type BenchRow } from './results';

/** Published BM25 "flat" numbers (Anserini BEIR v1.0.0 regressions, see ../shared/datasets/README.md). */
export const ANSERINI_FLAT: Record<string, Record<string, number>> = {
  scifact: { 'nDCG@10': 0.6789, 'Recall@100': 0.9253 },
  nfcorpus: { 'nDCG@10': 0.3218, 'Recall@100': 0.2457 },
};

const BUILD_REPEATS = 3;
const QUERY_REPEATS = 5;
const median = (xs: number[]) => percentiles(xs).p50;

interface Engine {
  method: string;
  config: Record<string, unknown>;
  build(corpus: Corpus): (query: string, k: number) => { docId: string; score: number }[];
}

function ours(params: BM25Params): Engine {
  return {
    method: params.lengthEncoding === 'lucene' ? 'BM25 (ours)' : 'BM25 (ours, exact lengths)',
    config: {
      ...params,
      analyzer: 'standard+possessive+lowercase+lucene33stop+porter',
      fields: 'title+text',
    },
    build(corpus) {
      const index = buildBM25Index(
        corpus.docs.map((d) => ({ text: docText(d) })),
        params,
      );
      return (q, k) =>
        searchBM25(index, q, k).map((h) => ({ docId: corpus.docs[h.doc].id, score: h.score }));
    },
  };
}

/** MiniSearch with the same analyzer and BM25 k1/b, so the comparison is of the index and scoring code. */
const miniSearch: Engine = {
  method: 'MiniSearch',
  config: { k: 0.9, b: 0.4, d: 0, analyzer: 'same as ours', fields: 'title+text' },
  build(corpus) {
    const analyzer = createAnalyzer();
    const ms = new MiniSearch<{ id: string; contents: string }>({
      fields: ['contents'],
      tokenize: (text) => analyzer(text),
      processTerm: (term) => term,
      searchOptions: { combineWith: 'OR', bm25: { k: 0.9, b: 0.4, d: 0 } },
    });
    ms.addAll(corpus.docs.map((d) => ({ id: d.id, contents: docText(d) })));
    return (q, k) =>
      ms
        .search(q)
        .slice(0, k)
        .map((r) => ({ docId: String(r.id), score: r.score }));
  },
};

/** BM25 quality and speed on one BEIR collection: ours (Lucene lengths, exact lengths) and MiniSearch. */
export function benchBM25(corpus: Corpus, split = 'test'): BenchRow[] {
  const qrels = corpus.qrels[split];
  if (!qrels) throw new Error(`${corpus.name} has no qrels/${split}.tsv`);
  const queries = corpus.queries.filter((q) => qrels.has(q.id));
  const engines = [
    ours(DEFAULT_BM25_PARAMS),
    ours({ ...DEFAULT_BM25_PARAMS, lengthEncoding: 'exact' }),
    miniSearch,
  ];
  const buildTimes = new Map<Engine, number[]>(engines.map((e) => [e, []]));
  const searchers = new Map<Engine, ReturnType<Engine['build']>>();
  // one untimed build each warms the JIT; then interleave repeats so noise falls on all alike
  for (let r = -1; r < BUILD_REPEATS; r++) {
    for (const engine of engines) {
      const t0 = performance.now();
      searchers.set(engine, engine.build(corpus));
      if (r >= 0) buildTimes.get(engine)!.push(performance.now() - t0);
    }
  }
  // warm every engine's JIT before timing any, so measuring order does not favour the later ones
  for (const engine of engines) for (const q of queries) searchers.get(engine)!(q.text, 100);
  const date = new Date().toISOString();
  const commit = currentCommit();
  return engines.map((engine) => {
    const search = searchers.get(engine)!;
    const run: Run = new Map();
    // each query's latency is the median of QUERY_REPEATS runs, so one GC pause is not a query's cost
    const latencies = queries.map((q) => {
      const times: number[] = [];
      for (let r = 0; r < QUERY_REPEATS; r++) {
        const t0 = performance.now();
        const hits = search(q.text, 100);
        times.push(performance.now() - t0);
        run.set(q.id, hits);
      }
      return median(times);
    });
    const { p50, p95 } = percentiles(latencies);
    return {
      dataset: corpus.name,
      split,
      method: engine.method,
      config: engine.config,
      metrics: evaluateRun(qrels, run, STANDARD_METRICS).mean,
      timing: {
        indexBuildMs: Math.round(median(buildTimes.get(engine)!)),
        queryP50Ms: Number(p50.toFixed(3)),
        queryP95Ms: Number(p95.toFixed(3)),
        queries: queries.length,
        docs: corpus.docs.length,
      },
      backend: `node ${process.version} (CPU, no TF.js)`,
      commit,
      date,
    };
  });
}
