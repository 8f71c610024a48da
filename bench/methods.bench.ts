import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { docText } from '../src/core/corpus/docText';
import type { Corpus } from '../src/core/corpus/types';
import {
  fuseMethods,
  scoreMethods,
  timedRun,
  type MethodResults,
} from '../src/core/eval/methodComparison';
import { DEFAULT_QUERYGEN_PARAMS } from '../src/core/querygen/types';
import { bm25IndexBytes, buildBM25Index, searchBM25 } from '../src/core/lexical/bm25';
import {
  importDenseCheckpoint,
  type DenseCheckpointManifest,
} from '../src/models/dense/denseCheckpoint';
import {
  disposeDenseRetriever,
  embedQuery,
  type DenseRetriever,
} from '../src/models/dense/denseRetriever';
import { searchDenseIndex } from '../src/models/dense/denseIndex';
import { parameterCount as denseParameters } from '../src/models/dense/dualEncoder';
import { trainDense, type DenseTrainConfig } from '../src/models/dense/trainDense';
import { DEMO_DENSE_CONFIG } from '../src/models/dense/presets';
import { retrieve, type DsiRetriever } from '../src/models/dsiRetriever';
import { disposeSeq2Seq, parameterCount } from '../src/models/seq2seq';
import { trainDsi } from '../src/models/train/trainDsi';
import { DEMO_TRAIN_CONFIG, LARGE_CORPUS_CONFIG } from '../src/models/train/presets';
import type { DsiTrainConfig } from '../src/models/train/config';
import { prepareDsi } from '../src/core/dsi/prepare';
import { indexBytes } from '../src/core/seal/ngramIndex';
import { budgetEpochs } from './ablation.bench';
import { readCheckpoint } from './generative.bench';
import { currentCommit, type BenchRow } from './results';

/**
 * Dense settings for collections larger than the built-in one: one pseudo-query per strategy, with
 * the default span and keyword lengths it always had (the short ones were chosen for the
 * generative model, on the built-in corpus's dev split).
 */
export const LARGE_DENSE_CONFIG: DenseTrainConfig = {
  ...DEMO_DENSE_CONFIG,
  data: {
    ...LARGE_CORPUS_CONFIG.data,
    querygen: { ...DEFAULT_QUERYGEN_PARAMS, perDoc: 1 },
  },
  epochs: 10,
  evalEveryEpochs: 0,
  evalQueries: 0,
};

const BEAM = { beamSize: 10, topK: 10, maxLength: 32, lengthPenalty: 0, constrained: true };
const DEPTH = 100;

type Queries = { id: string; text: string }[];
interface Trained {
  results: MethodResults;
  config: Record<string, unknown>;
  train: Record<string, number>;
}

async function bm25Method(corpus: Corpus, queries: Queries): Promise<Trained> {
  const index = buildBM25Index(corpus.docs.map((d) => ({ text: docText(d) })));
  const { run, latencyMs } = await timedRun(queries, (text) =>
    searchBM25(index, text, DEPTH).map((h) => ({ docId: corpus.docs[h.doc].id, score: h.score })),
  );
  return {
    results: { name: 'BM25', run, latencyMs, bytes: bm25IndexBytes(index) },
    config: { k1: index.params.k1, b: index.params.b },
    train: {},
  };
}

async function generativeRun(r: DsiRetriever, corpus: Corpus, queries: Queries) {
  await retrieve(r, 'warm up', BEAM);
  return timedRun(queries, async (text) =>
    (await retrieve(r, text, BEAM)).results
      .filter((x) => x.doc !== undefined)
      .map((x) => ({ docId: corpus.docs[x.doc!].id, score: x.score })),
  );
}

async function denseRun(r: DenseRetriever, docIds: string[], queries: Queries) {
  await embedQuery(r, 'warm up');
  return timedRun(queries, async (text) =>
    (await searchDenseIndex(r.index, await embedQuery(r, text), DEPTH)).map((h) => ({
      docId: docIds[h.doc],
      score: h.score,
    })),
  );
}

const denseBytes = (r: DenseRetriever) =>
  denseParameters(r.model) * 4 + r.index.count * r.index.dim * 4;

async function generativeMethod(
  corpus: Corpus,
  queries: Queries,
  epochs: number,
): Promise<Trained | null> {
  const dir = `public/models/${corpus.name}`;
  if (existsSync(join(dir, 'model.json'))) {
    const r = readCheckpoint(dir, corpus);
    const meta = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'));
    const results = {
      name: 'Generative (DSI)',
      ...(await generativeRun(r, corpus, queries)),
      bytes: parameterCount(r.model) * 4,
    };
    disposeSeq2Seq(r.model);
    return {
      results,
      config: { checkpoint: dir, beam: 10 },
      train: { trainSeconds: meta.trainSeconds, trainExamplesPerSec: meta.examplesPerSec },
    };
  }
  if (epochs <= 0) return null;
  const config = { ...LARGE_CORPUS_CONFIG, epochs };
  const trained = await trainDsi(corpus, config, {
    onProgress: (p) =>
      p.step % 200 === 0 &&
      console.log(`  generative: step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(3)}`),
  });
  const r = trained.retriever;
  const results = {
    name: 'Generative (DSI)',
    ...(await generativeRun(r, corpus, queries)),
    bytes: parameterCount(r.model) * 4,
  };
  disposeSeq2Seq(r.model);
  return {
    results,
    config: { trainedHere: true, epochs, model: config.model, beam: 10 },
    train: {
      trainSeconds: trained.speed.seconds,
      trainExamplesPerSec: trained.speed.examplesPerSec,
    },
  };
}

/** SEAL's training budget in the methods table: training examples on a collection of `docs`. */
export function sealBudget(docs: number): { preset: 'demo' | 'large'; examples: number } {
  // the built-in corpus: the 6 epochs chosen on its dev split (npm run tune), about 30,000
  // examples; larger collections: about the examples of the DSI row's 12 epochs on SciFact
  return docs <= 1000
    ? { preset: 'demo', examples: 30_000 }
    : { preset: 'large', examples: 200_000 };
}

/**
 * SEAL (n-gram identifiers) trained here: the collection's preset with docid scheme "seal", a fixed
 * budget of training examples (sealBudget), scored like the DSI row.
 */
async function sealMethod(corpus: Corpus, queries: Queries): Promise<Trained> {
  const budget = sealBudget(corpus.docs.length);
  const preset = budget.preset === 'demo' ? DEMO_TRAIN_CONFIG : LARGE_CORPUS_CONFIG;
  const data: DsiTrainConfig['data'] = { ...preset.data, docidScheme: 'seal', docidParams: {} };
  const perEpoch = prepareDsi(corpus, data).examples.length;
  const config: DsiTrainConfig = {
    ...preset,
    data,
    ...budgetEpochs(perEpoch, budget.examples),
    evalEveryEpochs: 0,
    evalQueries: 0,
  };
  const trained = await trainDsi(corpus, config, {
    onProgress: (p) =>
      p.step % 200 === 0 &&
      console.log(`  SEAL: step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(3)}`),
  });
  const r = trained.retriever;
  const index = r.seal!.index;
  const results = {
    name: 'Generative (SEAL n-grams)',
    ...(await generativeRun(r, corpus, queries)),
    bytes: parameterCount(r.model) * 4 + indexBytes(index),
  };
  disposeSeq2Seq(r.model);
  return {
    results,
    config: {
      trainedHere: true,
      preset: budget.preset,
      epochs: config.epochs,
      examplesPerEpoch: perEpoch,
      examplesTrained: trained.examplesTrained,
      model: config.model,
      ngramLength: Number(trained.prepared.assignment.params.ngramLength),
      beam: 10,
    },
    train: {
      trainSeconds: trained.speed.seconds,
      trainExamplesPerSec: trained.speed.examplesPerSec,
    },
  };
}

async function denseMethod(
  corpus: Corpus,
  queries: Queries,
  epochs: number,
): Promise<Trained | null> {
  const dir = `public/models/${corpus.name}-dense`;
  if (existsSync(join(dir, 'model.json'))) {
    const buf = (name: string) => {
      const b = readFileSync(join(dir, name));
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    };
    const json = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const manifest = json('model.json') as DenseCheckpointManifest;
    const r = importDenseCheckpoint({
      manifest,
      weights: buf('weights.bin'),
      tokenizer: json('tokenizer.json'),
      embeddings: buf('embeddings.bin'),
    });
    const meta = json('metrics.json');
    const results = {
      name: 'Dense (dual encoder)',
      ...(await denseRun(r, manifest.docIds, queries)),
      bytes: denseBytes(r),
    };
    disposeDenseRetriever(r);
    return {
      results,
      config: { checkpoint: dir },
      train: { trainSeconds: meta.trainSeconds, trainExamplesPerSec: meta.examplesPerSec },
    };
  }
  if (epochs <= 0) return null;
  const config = { ...LARGE_DENSE_CONFIG, epochs };
  const trained = await trainDense(corpus, config, {
    onProgress: (p) =>
      p.step % 200 === 0 &&
      console.log(`  dense: step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(3)}`),
  });
  const r = trained.retriever;
  const results = {
    name: 'Dense (dual encoder)',
    ...(await denseRun(
      r,
      corpus.docs.map((d) => d.id),
      queries,
    )),
    bytes: denseBytes(r),
  };
  disposeDenseRetriever(r);
  return {
    results,
    config: {
      trainedHere: true,
      epochs,
      model: config.model,
      temperature: config.temperature,
      matryoshkaDims: config.matryoshkaDims,
    },
    train: {
      trainSeconds: trained.speed.seconds,
      trainExamplesPerSec: trained.speed.examplesPerSec,
    },
  };
}

/**
 * Generative, dense, BM25 and their reciprocal rank fusion on the same judged queries: shipped
 * checkpoints where they exist (the built-in corpus), else models trained here for `epochs`.
 */
export async function benchMethods(
  corpus: Corpus,
  split: string,
  epochs: { generative: number; dense: number },
  options: { seal: boolean } = { seal: true },
): Promise<BenchRow[]> {
  await tf.setBackend('wasm');
  const qrels = corpus.qrels[split];
  if (!qrels) throw new Error(`${corpus.name} has no ${split} qrels`);
  const queries = corpus.queries
    .filter((q) => qrels.has(q.id))
    .map((q) => ({ id: q.id, text: q.text }));
  const methods = [
    await generativeMethod(corpus, queries, epochs.generative),
    await denseMethod(corpus, queries, epochs.dense),
    await bm25Method(corpus, queries),
  ].filter((m): m is Trained => m !== null);
  const fuse = (parts: Trained[]) => ({
    results: fuseMethods(
      parts.map((m) => ({ ...m.results, weight: 1 })),
      { k: 60 },
      DEPTH,
      `Fusion (RRF k=60 of ${parts.map((m) => m.results.name.split(' ')[0]).join(' + ')})`,
    ),
    config: { k: 60, weights: 1 },
    train: {},
  });
  const all = [...methods, fuse(methods)];
  // SEAL beside them, not fused (the fusion rows stay those of the DSI model)
  if (options.seal) all.push(await sealMethod(corpus, queries));
  // generative + BM25 alone: does the generative model add to the lexical baseline?
  const pair = methods.filter((m) => m.results.name !== 'Dense (dual encoder)');
  if (pair.length === 2 && methods.length === 3) all.push(fuse(pair));
  const scores = scoreMethods(
    qrels,
    all.map((m) => m.results),
  );
  const round = (o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number(v.toFixed(4))]));
  return all.map((m, i) => ({
    dataset: corpus.name,
    split,
    method: m.results.name,
    config: m.config,
    metrics: round(scores[i].mean),
    timing: round({
      ...m.train,
      queryP50Ms: scores[i].latencyMs.p50,
      queryP95Ms: scores[i].latencyMs.p95,
      memoryBytes: m.results.bytes,
      queries: scores[i].evaluatedQueries,
    }),
    backend: `wasm (Node ${process.version}, one thread)`,
    commit: currentCommit(),
    date: new Date().toISOString(),
  }));
}
