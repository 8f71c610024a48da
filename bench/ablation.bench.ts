import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { docText } from '../src/core/corpus/docText';
import type { Corpus } from '../src/core/corpus/types';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../src/core/decode/beamSearch';
import type { DocidSchemeName } from '../src/core/docids/registry';
import { prepareDsi } from '../src/core/dsi/prepare';
import { buildNgramIndex, indexBytes } from '../src/core/seal/ngramIndex';
import { evaluateRun, STANDARD_METRICS } from '../src/core/eval/metrics';
import { buildBM25Index } from '../src/core/lexical/bm25';
import { bm25RankOf, filterGenerated, type FilteredQuery } from '../src/core/querygen/filter';
import { retrieve } from '../src/models/dsiRetriever';
import {
  DEMO_QUERYGEN_CONFIG,
  DEFAULT_QUERYGEN_SAMPLE,
  type QueryGenSampleParams,
} from '../src/models/queryGenConfig';
import {
  disposeQueryGenerator,
  generateQueries,
  trainQueryGenerator,
} from '../src/models/queryGenerator';
import { disposeSeq2Seq, parameterCount } from '../src/models/seq2seq';
import { trainDsi, type DsiTrainConfig } from '../src/models/train/trainDsi';
import { withoutTrainQueries } from './readBeir';
import { currentCommit, percentiles, type BenchRow } from './results';

/** One rung of the indexing-strategy ladder: each adds one idea to the one before. */
interface Strategy {
  name: string;
  /** changes to the data config (cumulative: applied over the previous rungs') */
  data: Partial<DsiTrainConfig['data']>;
  /** which generated queries the rung trains on: none, all of them, or the filter's kept ones */
  generated: 'none' | 'all' | 'kept';
  /** needs the collection's training queries */
  needsTrainQueries?: boolean;
}

const NONE = { indexing: 1, queries: 0, pseudo: 0, generated: 0 };
export const STRATEGIES: Strategy[] = [
  {
    name: 'doc-only DSI',
    data: { mix: NONE, distill: undefined, pretrainEpochs: 0 },
    generated: 'none',
  },
  {
    name: '+ training queries',
    data: { mix: { ...NONE, queries: 1 } },
    generated: 'none',
    needsTrainQueries: true,
  },
  {
    name: '+ rule-based pseudo-queries',
    data: { mix: { ...NONE, queries: 1, pseudo: 1 }, resamplePseudo: true },
    generated: 'none',
  },
  {
    name: '+ learned generator (unfiltered)',
    data: { mix: { ...NONE, queries: 1, pseudo: 1, generated: 1 } },
    generated: 'all',
    needsTrainQueries: true,
  },
  { name: '+ filtering (BM25 rank ≤ 10)', data: {}, generated: 'kept', needsTrainQueries: true },
  { name: '+ pre-training (CorpusBrain)', data: { pretrainEpochs: 2 }, generated: 'kept' },
  {
    name: '+ distillation (BM25)',
    data: { distill: { teacher: 'bm25', weight: 1, temperature: 0.1, topK: 20 } },
    generated: 'kept',
  },
];

export interface AblationSetup {
  /** the model and optimiser every row shares */
  base: DsiTrainConfig;
  schemes: DocidSchemeName[];
  /** training examples per row (the last epoch is cut where they end) */
  budgetExamples: number;
  /** the collection's train split is ignored (the pseudo-query-only case) */
  noTrainQueries: boolean;
  sample: QueryGenSampleParams;
  /** only the first this many rungs of STRATEGIES (default: all) */
  rungs?: number;
}

/** The learned generator's filtered queries for `corpus` (trained on its own training pairs). */
async function generatedQueries(
  corpus: Corpus,
  sample: QueryGenSampleParams,
  log: (s: string) => void,
) {
  const t0 = performance.now();
  const trained = await trainQueryGenerator(corpus, DEMO_QUERYGEN_CONFIG);
  const trainSeconds = (performance.now() - t0) / 1000;
  const texts = corpus.docs.map(docText);
  const samples = await generateQueries(trained.generator, texts, sample);
  disposeQueryGenerator(trained.generator);
  const index = buildBM25Index(texts.map((text) => ({ text })));
  const list = filterGenerated(samples, bm25RankOf(index, 10), { maxRank: 10 });
  const kept = list.filter((q) => q.kept).length;
  log(
    `  generator: ${trained.pairs} pairs, ${trainSeconds.toFixed(0)} s; ${list.length} questions, ${kept} kept (${((100 * kept) / list.length).toFixed(0)}%)`,
  );
  return { list, trainSeconds, kept };
}

/** Score a trained retriever on `split` with beam 10, one query at a time. */
async function scoreOn(
  trained: Awaited<ReturnType<typeof trainDsi>>,
  corpus: Corpus,
  split: string,
) {
  const qrels = corpus.qrels[split];
  const run = new Map();
  const latency: number[] = [];
  for (const q of corpus.queries.filter((x) => qrels.has(x.id))) {
    const t0 = performance.now();
    const out = await retrieve(trained.retriever, q.text, {
      ...DEFAULT_BEAM_SEARCH_PARAMS,
      beamSize: 10,
      topK: 10,
    });
    latency.push(performance.now() - t0);
    run.set(
      q.id,
      out.results
        .filter((r) => r.doc !== undefined)
        .map((r) => ({ docId: corpus.docs[r.doc!].id, score: r.score })),
    );
  }
  return { metrics: evaluateRun(qrels, run, STANDARD_METRICS).mean, latency: percentiles(latency) };
}

/**
 * The ablation: one row per docid scheme × indexing strategy, each trained from scratch with the
 * same model and the same number of training examples, scored once on `split`.
 */
export async function benchAblation(
  corpus: Corpus,
  split: string,
  setup: AblationSetup,
  log: (s: string) => void = console.log,
): Promise<BenchRow[]> {
  await tf.setBackend('wasm');
  const source = setup.noTrainQueries ? withoutTrainQueries(corpus, split) : corpus;
  const hasTrain = (source.qrels.train?.size ?? 0) > 0;
  const rungs = STRATEGIES.slice(0, setup.rungs ?? STRATEGIES.length);
  // the learned generator is trained only when a rung reads its questions
  const gen: { list: FilteredQuery[]; trainSeconds: number; kept: number } | null =
    hasTrain && rungs.some((r) => r.generated !== 'none')
      ? await generatedQueries(source, setup.sample, log)
      : null;
  const rows: BenchRow[] = [];
  for (const scheme of setup.schemes) {
    let data: DsiTrainConfig['data'] = { ...setup.base.data, docidScheme: scheme, docidParams: {} };
    for (const strategy of rungs) {
      data = { ...data, ...strategy.data };
      if (strategy.needsTrainQueries && !hasTrain) continue;
      if (!hasTrain) data = { ...data, mix: { ...data.mix, queries: 0, generated: 0 } };
      const generated =
        strategy.generated === 'none' || !gen
          ? undefined
          : gen.list.filter((q) => strategy.generated === 'all' || q.kept);
      const perEpoch = prepareDsi(source, data, { generated }).examples.length;
      const { epochs, maxExamples } = budgetEpochs(perEpoch, setup.budgetExamples);
      const config: DsiTrainConfig = {
        ...setup.base,
        data,
        epochs,
        maxExamples,
        evalEveryEpochs: 0,
        evalQueries: 0,
      };
      const t0 = performance.now();
      const trained = await trainDsi(source, config, {}, undefined, { generated });
      const trainSeconds = (performance.now() - t0) / 1000;
      const scored = await scoreOn(trained, source, split);
      const parameters = parameterCount(trained.retriever.model);
      const seal: Partial<ReturnType<typeof sealIndexTiming>> = trained.retriever.seal
        ? sealIndexTiming(trained.retriever.docids)
        : {};
      disposeSeq2Seq(trained.retriever.model);
      const round = (x: number) => Number(x.toFixed(4));
      rows.push({
        dataset: source.name,
        split,
        method: `${scheme} docids, ${strategy.name}`,
        config: {
          scheme,
          strategy: strategy.name,
          epochs,
          examplesPerEpoch: perEpoch,
          examplesTrained: trained.examplesTrained,
          model: config.model,
        },
        metrics: Object.fromEntries(Object.entries(scored.metrics).map(([k, v]) => [k, round(v)])),
        timing: {
          trainSeconds: round(trainSeconds),
          generatorSeconds: generated && gen ? round(gen.trainSeconds) : 0,
          parameters,
          queryP50Ms: round(scored.latency.p50),
          queryP95Ms: round(scored.latency.p95),
          memoryBytes: parameters * 4 + (seal.indexBytes ?? 0),
          ...seal,
        },
        backend: `wasm (Node ${process.version}, one thread)`,
        commit: currentCommit(),
        date: new Date().toISOString(),
      });
      log(
        `${rows.at(-1)!.method}: ${JSON.stringify(rows.at(-1)!.metrics)} (${epochs} epochs, ${trainSeconds.toFixed(0)} s)`,
      );
    }
  }
  return rows;
}

export const DEFAULT_ABLATION_SAMPLE = DEFAULT_QUERYGEN_SAMPLE;

/** A budget of `budget` training examples: whole epochs, the last one cut where the budget ends. */
export function budgetEpochs(examplesPerEpoch: number, budget: number) {
  return { epochs: Math.max(1, Math.ceil(budget / examplesPerEpoch)), maxExamples: budget };
}

/**
 * SEAL's n-gram index for documents' tokens: build time (ms, the median of 3 builds), its bytes,
 * and bytes per corpus token.
 */
function sealIndexTiming(docTokens: readonly (readonly number[])[]) {
  const times: number[] = [];
  let index = buildNgramIndex(docTokens);
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    index = buildNgramIndex(docTokens);
    times.push(performance.now() - t0);
  }
  const bytes = indexBytes(index);
  return {
    indexBuildMs: Number(percentiles(times).p50.toFixed(1)),
    indexBytes: bytes,
    indexBytesPerToken: Number((bytes / index.tokens).toFixed(2)),
    corpusTokens: index.tokens,
  };
}
