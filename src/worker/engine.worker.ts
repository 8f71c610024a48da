import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import { lookup } from '../core/decode/trie';
import { timedRun } from '../core/eval/methodComparison';
import { DEFAULT_DENSE_SEARCH_PLAN, type DenseSearchPlanParams } from '../core/dense/annRecall';
import { docidToString } from '../core/docids/types';
import { pickBackend, switchBackend } from '../models/backend';
import { retrieve, type DsiRetriever } from '../models/dsiRetriever';
import { loadCheckpoint } from '../models/loadCheckpoint';
import { disposeSeq2Seq, parameterCount } from '../models/seq2seq';
import { measureTrainingSpeed } from '../models/train/speedBenchmark';
import { TrainControl, trainDsi } from '../models/train/trainDsi';
import { loadDenseCheckpoint } from '../models/dense/denseCheckpoint';
import { disposeDenseRetriever } from '../models/dense/denseRetriever';
import { trainDense } from '../models/dense/trainDense';
import {
  adoptDense,
  denseRun,
  denseSearch,
  disposeDense,
  embeddingMap,
  embeddingsInOrder,
  type DenseState,
} from './denseEngine';
import type { EngineWorkerApi, ModelInfo } from './engineApi';

/** The model in use, with the document ids in its document-number order. */
let current: { retriever: DsiRetriever; docIds: string[]; info: ModelInfo } | null = null;
let dense: DenseState | null = null;
/** when dense search switches from exact to HNSW */
let densePlan: DenseSearchPlanParams = DEFAULT_DENSE_SEARCH_PLAN;
let training: TrainControl | null = null;
/** Settles once the first backend is up, so a checkpoint can download while TF.js starts. */
let backendReady: Promise<unknown> = new Promise(() => {});

function replaceModel(next: typeof current) {
  if (current) disposeSeq2Seq(current.retriever.model);
  current = next;
}

const api: EngineWorkerApi = {
  init(preferred) {
    const report = pickBackend(preferred);
    backendReady = report.catch(() => undefined);
    return report;
  },

  setBackend: (name) => switchBackend(name),

  async loadCheckpoint(url, corpusName) {
    const loaded = await loadCheckpoint(url, backendReady);
    const info: ModelInfo = {
      source: 'checkpoint',
      corpusName,
      docCount: loaded.docIds.length,
      parameters: parameterCount(loaded.retriever.model),
      docidScheme: loaded.docids.scheme,
      config: loaded.config,
      metrics: loaded.metrics,
      clusterTerms: loaded.docids.clusterTerms,
    };
    replaceModel({ retriever: loaded.retriever, docIds: loaded.docIds, info });
    return info;
  },

  async train(corpus, config, callbacks) {
    if (training) throw new Error('a training run is already in progress');
    training = new TrainControl();
    try {
      const vectors =
        config.data.docidVectors === 'dense'
          ? embeddingsInOrder(
              dense,
              corpus.docs.map((d) => d.id),
            )
          : undefined;
      const trained = await trainDsi(corpus, config, callbacks, training, vectors);
      const { retriever, prepared, history } = trained;
      const info: ModelInfo = {
        source: 'trained',
        corpusName: corpus.name,
        docCount: corpus.docs.length,
        parameters: parameterCount(retriever.model),
        docidScheme: prepared.assignment.scheme,
        config: config as unknown as Record<string, unknown>,
        metrics: history.evals.at(-1)?.metrics ?? {},
        clusterTerms: prepared.assignment.clusterTerms ?? {},
      };
      if (trained.cancelled) {
        disposeSeq2Seq(retriever.model);
        return { cancelled: true, model: current?.info ?? null, speed: trained.speed };
      }
      replaceModel({ retriever, docIds: corpus.docs.map((d) => d.id), info });
      return { cancelled: false, model: info, speed: trained.speed };
    } finally {
      training = null;
    }
  },

  async pauseTraining() {
    training?.pause();
  },
  async resumeTraining() {
    training?.unpause();
  },
  async cancelTraining() {
    training?.cancel();
  },

  async dropModel() {
    replaceModel(null);
  },

  async search(query, params) {
    if (!current) throw new Error('no generative model is loaded');
    const { retriever, docIds } = current;
    const start = performance.now();
    const out = await retrieve(retriever, query, params);
    const ms = performance.now() - start;
    const docOf: Record<string, string> = {};
    for (const entry of out.trace) {
      for (const f of entry.finished) {
        const doc = lookup(retriever.trie, f.tokens);
        if (doc !== undefined) docOf[docidToString(f.tokens)] = docIds[doc];
      }
    }
    return {
      query,
      params,
      hits: out.results.map((r) => ({
        docId: r.doc === undefined ? '' : docIds[r.doc],
        docid: docidToString(r.tokens),
        tokens: r.tokens,
        logProb: r.logProb,
        score: r.score,
        group: r.group,
      })),
      trace: out.trace,
      docOf,
      ms,
    };
  },

  async generativeRun(queries, params) {
    if (!current) throw new Error('no generative model is loaded');
    const { retriever, docIds } = current;
    return timedRun(queries, async (text) =>
      (await retrieve(retriever, text, params)).results
        .filter((r) => r.doc !== undefined)
        .map((r) => ({ docId: docIds[r.doc!], score: r.score })),
    );
  },

  async docidsOfDocs() {
    if (!current) return {};
    const { retriever, docIds } = current;
    return Object.fromEntries(docIds.map((id, i) => [id, docidToString(retriever.docids[i])]));
  },

  async loadDenseCheckpoint(url, corpusName, queries) {
    const loaded = await loadDenseCheckpoint(url, backendReady);
    const state = await adoptDense(
      loaded.retriever,
      loaded.docIds,
      {
        source: 'checkpoint',
        corpusName,
        matryoshkaDims: (loaded.training.matryoshkaDims as number[] | undefined) ?? [],
        config: loaded.training,
        metrics: loaded.metrics,
      },
      queries,
      densePlan,
    );
    disposeDense(dense);
    dense = state;
    return state.info;
  },

  async trainDense(corpus, config, callbacks) {
    if (training) throw new Error('a training run is already in progress');
    training = new TrainControl();
    try {
      const trained = await trainDense(corpus, config, callbacks, training);
      if (trained.cancelled) {
        disposeDenseRetriever(trained.retriever);
        return { cancelled: true, dense: dense?.info ?? null, speed: trained.speed };
      }
      const state = await adoptDense(
        trained.retriever,
        corpus.docs.map((d) => d.id),
        {
          source: 'trained',
          corpusName: corpus.name,
          matryoshkaDims: config.matryoshkaDims,
          config: config as unknown as Record<string, unknown>,
          metrics: trained.history.evals.at(-1)?.metrics ?? {},
        },
        corpus.queries.map((q) => q.text),
        densePlan,
      );
      disposeDense(dense);
      dense = state;
      return { cancelled: false, dense: state.info, speed: trained.speed };
    } finally {
      training = null;
    }
  },

  async setDenseSearchPlan(plan) {
    densePlan = { ...densePlan, ...plan };
  },

  async dropDense() {
    disposeDense(dense);
    dense = null;
  },

  async denseSearch(query, k, dims) {
    if (!dense) throw new Error('no dense model is loaded');
    return denseSearch(dense, query, k, dims);
  },

  async denseRun(queries, k, dims) {
    if (!dense) throw new Error('no dense model is loaded');
    return denseRun(dense, queries, k, dims);
  },

  async embeddingMap() {
    if (!dense) throw new Error('no dense model is loaded');
    return embeddingMap(dense);
  },

  async numTensors() {
    return tf.memory().numTensors;
  },

  measureTrainingSpeed: (config, batchSize, steps, warmup) =>
    measureTrainingSpeed(config, batchSize, steps, warmup),
};

Comlink.expose(api);
