import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import { lookup } from '../core/decode/trie';
import { docidToString } from '../core/docids/types';
import { pickBackend, switchBackend } from '../models/backend';
import { retrieve, type DsiRetriever } from '../models/dsiRetriever';
import { loadCheckpoint } from '../models/loadCheckpoint';
import { disposeSeq2Seq, parameterCount } from '../models/seq2seq';
import { measureTrainingSpeed } from '../models/train/speedBenchmark';
import { TrainControl, trainDsi } from '../models/train/trainDsi';
import type { EngineWorkerApi, ModelInfo } from './engineApi';

/** The model in use, with the document ids in its document-number order. */
let current: { retriever: DsiRetriever; docIds: string[]; info: ModelInfo } | null = null;
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
      const trained = await trainDsi(corpus, config, callbacks, training);
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

  async numTensors() {
    return tf.memory().numTensors;
  },

  measureTrainingSpeed: (config, batchSize, steps, warmup) =>
    measureTrainingSpeed(config, batchSize, steps, warmup),
};

Comlink.expose(api);
