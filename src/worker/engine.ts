import * as tf from '@tensorflow/tfjs-core';
import { timedRun } from '../core/eval/methodComparison';
import { DEFAULT_DENSE_SEARCH_PLAN, type DenseSearchPlanParams } from '../core/dense/annRecall';
import { docidToString } from '../core/docids/types';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { pickBackend, setWasmThreads, switchBackend, type BackendReport } from '../models/backend';
import { expectWasm, provideWasm } from '../models/handedWasm';
import type { ShareTraining } from '../models/train/trainStep';
import { defaultTrainWorkers, describeTraining, TrainWorkers } from './trainWorkers';
import { retrieve } from '../models/dsiRetriever';
import { DecodeStopped } from '../models/docidSearch';
import { generativeAnswer } from './generativeAnswer';
import { loadCheckpoint, toDocidsFile } from '../models/loadCheckpoint';
import { ExpectedCheckpoints, type ReadyCheckpoint } from './expectedCheckpoints';
import { disposeAfterEarly, takeEarlyAnswer } from './earlyAnswer';
import { disposeSeq2Seq, parameterCount } from '../models/seq2seq';
import { measureTrainingSpeed } from '../models/train/speedBenchmark';
import { measureNgramIndex } from './ngramIndexTiming';
import { trainDsi } from '../models/train/trainDsi';
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
  teacherOf,
  type DenseState,
} from './denseEngine';
import type {
  EngineActivity,
  EngineWorkerApi,
  ModelInfo,
  ModelOrigin,
  RequestTag,
} from './engineApi';
import { LatestRequests, yieldToMessages } from './latestRequests';
import { stateOfLoaded, type GenerativeState } from './generativeState';
import { sealInfo } from './checkpointInfo';
import { ModelSlot } from './modelSlot';
import { createPersistEngine } from './persistEngine';
import { createQueryGenEngine } from './queryGenEngine';
import { TrainingRuns } from './trainingRuns';

const NO_MODEL = 'no generative model is loaded';
const NO_DENSE = 'no dense model is loaded';

/** Whether the model described by `info` is the one `origin` names. */
const isFrom = (info: ModelOrigin | undefined, origin: ModelOrigin) =>
  info?.source === origin.source && info.corpusName === origin.corpusName;

/**
 * The engine: TF.js and every model, behind one typed surface. The worker exposes one engine; tests
 * create their own in Node. Calls run concurrently (Comlink does not queue them), so each call
 * borrows its model from a ModelSlot and a replaced model lives until its last call returns.
 */
export function createEngine(): EngineWorkerApi {
  const generative = new ModelSlot<GenerativeState>((s) =>
    disposeAfterEarly(s.early, () => disposeSeq2Seq(s.retriever.model)),
  );
  const dense = new ModelSlot<DenseState>(disposeDense);
  const requests = new LatestRequests();
  const activity: Omit<EngineActivity, 'tensors' | 'bytes'> = {
    beamSearches: 0,
    denseSearches: 0,
    superseded: 0,
    earlyAnswers: 0,
  };
  /** when dense search switches from exact to HNSW */
  let densePlan: DenseSearchPlanParams = DEFAULT_DENSE_SEARCH_PLAN;
  const runs = new TrainingRuns();
  /** Settles once the first backend is up, so a checkpoint can download while TF.js starts. */
  let backendReady: Promise<unknown> = new Promise(() => {});

  const admit = async (request: RequestTag | undefined) => {
    const dropped = await requests.admit(request);
    if (dropped) activity.superseded++;
    return dropped;
  };
  const startTraining = () => runs.start();
  const queryGenPart = createQueryGenEngine(runs, () => backendReady);
  const persistPart = createPersistEngine(
    generative,
    dense,
    () => backendReady,
    () => densePlan,
  );

  /** checkpoints the page is downloading for a later loadCheckpoint (expectCheckpoint) */
  const expected = new ExpectedCheckpoints(() => backendReady);

  /** ?workers=N: how many workers train the generative model (default: every core, up to 4) */
  let trainWorkersAsked: number | undefined;
  /** ?localSgd=N: the training workers run local SGD, averaging every N batches */
  let localSgdAsked: number | undefined;
  /** the CPU backends' training (null on GPU backends and on wasm threads: TF.js's optimizer) */
  let training: TrainWorkers | null = null;
  /** Share training among workers where the backend runs on one CPU thread, and say so. */
  const withTraining = (report: BackendReport): BackendReport => {
    training?.stop();
    const oneThread =
      report.backend === 'cpu' || (report.backend === 'wasm' && getThreadsCount() === 1);
    const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
    const workers =
      typeof Worker === 'undefined' ? 1 : (trainWorkersAsked ?? defaultTrainWorkers(cores));
    // helpers run wasm: on plain JS the engine trains alone (with the flat optimizer)
    training = oneThread
      ? new TrainWorkers(report.backend === 'wasm' ? workers : 1, localSgdAsked)
      : null;
    return {
      ...report,
      training: describeTraining(report, training?.count ?? 1, training?.localSgdPeriod),
    };
  };
  const share: ShareTraining = async (model, optimizer, options) =>
    training ? training.share(model, optimizer, options) : null;

  return {
    init(preferred, wasmThreads, workers, wasmComing, localSgdPeriod) {
      if (localSgdPeriod) localSgdAsked = localSgdPeriod;
      if (wasmComing) expectWasm(wasmComing);
      if (wasmThreads) setWasmThreads(wasmThreads);
      if (workers) trainWorkersAsked = workers;
      const report = pickBackend(preferred).then(withTraining);
      backendReady = report.catch(() => undefined);
      return report;
    },

    provideWasm,

    setBackend: async (name) => withTraining(await switchBackend(name)),

    expectCheckpoint: (url, question) => expected.expect(url, question),

    provideCheckpoint: (url, bytes) => expected.provide(url, bytes),

    async loadCheckpoint(url, corpusName) {
      const mark = generative.mark();
      // made ready ahead when the page handed it over; else (a later load) downloaded now
      const loaded: Promise<ReadyCheckpoint> =
        expected.take(url) ?? loadCheckpoint(url, backendReady);
      const ready = await loaded;
      const state = { ...stateOfLoaded(ready, 'checkpoint', corpusName), early: ready.early };
      // a model put in use while the checkpoint downloaded (an import, a restore) stays
      if (generative.replaceUnlessChanged(state, mark)) return state.info;
      return generative.current?.info ?? null;
    },

    async train(corpus, config, callbacks) {
      const control = startTraining();
      try {
        const corpusIds = corpus.docs.map((d) => d.id);
        const needVectors =
          config.data.docidVectors === 'dense' || config.data.docidParams.initFromDense === true;
        const vectors = needVectors ? embeddingsInOrder(dense.current, corpusIds) : undefined;
        const denseTeacher =
          config.data.distill?.teacher === 'dense' && dense.current
            ? teacherOf(dense.current, corpusIds)
            : undefined;
        const kept = config.data.mix.generated > 0 ? queryGenPart.keptQueries(corpus) : undefined;
        const trained = await trainDsi(corpus, config, callbacks, control, {
          vectors,
          denseTeacher,
          generated: kept,
          share,
        });
        const { retriever, prepared, history } = trained;
        if (trained.cancelled) {
          disposeSeq2Seq(retriever.model);
          return {
            cancelled: true,
            model: generative.current?.info ?? null,
            speed: trained.speed,
          };
        }
        const info: ModelInfo = {
          source: 'trained',
          corpusName: corpus.name,
          docCount: corpus.docs.length,
          parameters: parameterCount(retriever.model),
          docidScheme: prepared.assignment.scheme,
          config: config as unknown as Record<string, unknown>,
          metrics: history.evals.at(-1)?.metrics ?? {},
          metricsSplit: config.evalSplit,
          clusterTerms: prepared.assignment.clusterTerms ?? {},
          docidVocab: prepared.assignment.vocab,
          ...sealInfo(retriever),
        };
        generative.replace({
          retriever,
          docIds: corpusIds,
          docidsFile: toDocidsFile(corpusIds, prepared.assignment),
          info,
        });
        return { cancelled: false, model: info, speed: trained.speed };
      } finally {
        runs.end();
      }
    },

    ...queryGenPart,
    ...persistPart,

    async pauseTraining() {
      runs.current?.pause();
    },
    async resumeTraining() {
      runs.current?.unpause();
    },
    async cancelTraining() {
      runs.current?.cancel();
    },

    async dropModel(onlyIf) {
      if (!onlyIf || isFrom(generative.current?.info, onlyIf)) generative.replace(null);
    },

    async search(query, params, request) {
      const dropped = await admit(request);
      if (dropped) return dropped;
      return generative.use(NO_MODEL, async (state) => {
        const { retriever, docIds } = state;
        activity.beamSearches++;
        const start = performance.now();
        let out;
        try {
          // the address's question may be decoded already (or under way); else decode it now:
          // between steps, newer messages run, and one that supersedes this request ends it
          const early = takeEarlyAnswer(state, query, params);
          if (early) activity.earlyAnswers++;
          out =
            (await early) ??
            (await retrieve(retriever, query, params, async () => {
              await yieldToMessages();
              if (requests.isStale(request)) throw new DecodeStopped();
            }));
        } catch (e) {
          if (!(e instanceof DecodeStopped)) throw e;
          activity.superseded++;
          return requests.superseded(request!);
        }
        return generativeAnswer(retriever, docIds, query, params, out, performance.now() - start);
      });
    },

    generativeRun: (queries, params) =>
      generative.use(NO_MODEL, ({ retriever, docIds }) =>
        timedRun(queries, async (text) => {
          activity.beamSearches++;
          return (await retrieve(retriever, text, params)).results
            .filter((r) => r.doc !== undefined)
            .map((r) => ({ docId: docIds[r.doc!], score: r.score }));
        }),
      ),

    async docidsOfDocs() {
      const state = generative.current;
      if (!state) return {};
      const { retriever, docIds } = state;
      // SEAL's "docids" are whole documents: it has no identifier to colour the map by
      if (retriever.seal) return {};
      return Object.fromEntries(docIds.map((id, i) => [id, docidToString(retriever.docids[i])]));
    },

    async loadDenseCheckpoint(url, corpusName, queries) {
      const mark = dense.mark();
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
          metricsSplit: String((loaded.metrics as Record<string, unknown>).split ?? 'dev'),
        },
        queries,
        densePlan,
      );
      // a model put in use while the checkpoint downloaded (an import, a restore) stays
      if (dense.replaceUnlessChanged(state, mark)) return state.info;
      return dense.current?.info ?? null;
    },

    async trainDense(corpus, config, callbacks) {
      const control = startTraining();
      try {
        const trained = await trainDense(corpus, config, callbacks, control);
        if (trained.cancelled) {
          disposeDenseRetriever(trained.retriever);
          return { cancelled: true, dense: dense.current?.info ?? null, speed: trained.speed };
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
            metricsSplit: config.evalSplit,
          },
          corpus.queries.map((q) => q.text),
          densePlan,
        );
        dense.replace(state);
        return { cancelled: false, dense: state.info, speed: trained.speed };
      } finally {
        runs.end();
      }
    },

    async setDenseSearchPlan(plan) {
      densePlan = { ...densePlan, ...plan };
    },

    async dropDense(onlyIf) {
      if (!onlyIf || isFrom(dense.current?.info, onlyIf)) dense.replace(null);
    },

    async denseSearch(query, k, dims, request) {
      const dropped = await admit(request);
      if (dropped) return dropped;
      return dense.use(NO_DENSE, (state) => {
        activity.denseSearches++;
        return denseSearch(state, query, k, dims);
      });
    },

    denseRun: (queries, k, dims) =>
      dense.use(NO_DENSE, (state) => {
        activity.denseSearches += queries.length;
        return denseRun(state, queries, k, dims);
      }),

    embeddingMap: () => dense.use(NO_DENSE, embeddingMap),

    async activity() {
      const { numTensors, numBytes } = tf.memory();
      return { ...activity, tensors: numTensors, bytes: numBytes };
    },

    measureTrainingSpeed: (config, batchSize, steps, warmup) =>
      measureTrainingSpeed(config, batchSize, steps, warmup, share),

    measureNgramIndex: async (texts, tokenizer) => measureNgramIndex(texts, tokenizer),
  };
}
