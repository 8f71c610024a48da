import * as tf from '@tensorflow/tfjs';
import type { Corpus } from '../../core/corpus/types';
import { lengthBuckets, makeBatch, planBatches } from '../../core/dsi/examples';
import { prepareDsi, type PreparedDsi } from '../../core/dsi/prepare';
import type { DsiTrainConfig } from './config';
import { DOCID_VOCAB_SIZE } from '../../core/docids/types';
import { evaluateRun } from '../../core/eval/metrics';
import type { Run } from '../../core/eval/types';
import { createRandom, shuffled } from '../../core/random';
import { createRetriever, retrieve, type DsiRetriever } from '../dsiRetriever';
import { createSeq2Seq, disposeSeq2Seq, parameterCount } from '../seq2seq';
import { createOptimizer } from './optimizers';
import { learningRateAt } from './schedule';
import { trainStep } from './trainStep';
import { nextTask, TrainControl, type EvalPoint, type TrainProgress } from './control';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../../core/decode/beamSearch';

export type { DsiModelShape, DsiTrainConfig } from './config';
export { DEFAULT_DSI_TRAIN } from './config';
export { TrainControl, type EvalPoint, type TrainProgress } from './control';

export interface TrainCallbacks {
  onStage?(stage: string): void;
  onPrepared?(info: {
    parameters: number;
    examples: PreparedDsi['counts'];
    docidScheme: string;
    tgtLen: number;
    srcVocab: number;
  }): void;
  onProgress?(p: TrainProgress): void;
  onEval?(e: EvalPoint): void;
}

export interface TrainedDsi {
  retriever: DsiRetriever;
  prepared: PreparedDsi;
  history: { losses: number[]; evals: EvalPoint[] };
  /** training speed over the whole run, evaluation time excluded */
  speed: { examplesPerSec: number; tokensPerSec: number; seconds: number };
  cancelled: boolean;
}

/** Hits@1, Hits@10 and MRR@10 of the retriever on up to `limit` queries of `split`. */
export async function evaluateRetriever(
  r: DsiRetriever,
  corpus: Corpus,
  split: string,
  limit: number,
  seed: number,
): Promise<{ queries: number; metrics: Record<string, number> }> {
  const qrels = corpus.qrels[split];
  if (!qrels) return { queries: 0, metrics: {} };
  const judged = corpus.queries.filter((q) => qrels.has(q.id));
  const sample = shuffled(judged, createRandom(seed)).slice(0, limit);
  const run: Run = new Map();
  for (const q of sample) {
    const out = await retrieve(r, q.text, {
      ...DEFAULT_BEAM_SEARCH_PARAMS,
      beamSize: 10,
      topK: 10,
    });
    run.set(
      q.id,
      out.results
        .filter((x) => x.doc !== undefined)
        .map((x) => ({ docId: corpus.docs[x.doc!].id, score: x.score })),
    );
  }
  const subset = new Map(sample.map((q) => [q.id, qrels.get(q.id)!]));
  return {
    queries: sample.length,
    metrics: evaluateRun(subset, run, ['Hits@1', 'Hits@10', 'MRR@10']).mean,
  };
}

/** Prepare the data, build the model and train it, reporting progress; the caller disposes the model. */
export async function trainDsi(
  corpus: Corpus,
  config: DsiTrainConfig,
  cb: TrainCallbacks = {},
  control = new TrainControl(),
  /** document embeddings in corpus order, for semantic docids with data.docidVectors 'dense' */
  vectors?: readonly Float32Array[],
): Promise<TrainedDsi> {
  const prepared = prepareDsi(corpus, config.data, cb.onStage, vectors);
  const seed = config.data.seed;
  const model = createSeq2Seq({
    ...config.model,
    srcVocab: prepared.tokenizer.vocabSize,
    tgtVocab: DOCID_VOCAB_SIZE,
    srcLen: config.data.srcLen,
    tgtLen: prepared.tgtLen,
    seed,
  });
  const retriever = createRetriever(model, prepared.tokenizer, prepared.assignment.docids);
  cb.onPrepared?.({
    parameters: parameterCount(model),
    examples: prepared.counts,
    docidScheme: prepared.assignment.scheme,
    tgtLen: prepared.tgtLen,
    srcVocab: prepared.tokenizer.vocabSize,
  });
  cb.onStage?.('Training');

  const optimizer = createOptimizer(config.optimizer);
  const random = createRandom(seed);
  const buckets = lengthBuckets(config.data.srcLen);
  // the bucketed plan has at most one partial batch per bucket more than a plain split
  const stepsPerEpoch = planBatches(
    prepared.examples,
    config.batchSize,
    buckets,
    createRandom(seed),
  ).length;
  const totalSteps = stepsPerEpoch * config.epochs;
  const schedule = { ...config.lr, totalSteps };
  const losses: number[] = [];
  const evals: EvalPoint[] = [];
  let trainMs = 0;
  let examplesDone = 0;
  let tokensDone = 0;
  let step = 0;
  try {
    for (let epoch = 0; epoch < config.epochs && !control.cancelled; epoch++) {
      const plan = planBatches(prepared.examples, config.batchSize, buckets, random);
      for (let b = 0; b < plan.length && !control.cancelled; b++) {
        await control.waitWhilePaused();
        if (control.cancelled) break;
        const batch = makeBatch(
          plan[b].examples,
          prepared.assignment.docids,
          plan[b].srcLen,
          prepared.tgtLen,
        );
        const t0 = performance.now();
        const lr = learningRateAt(step, schedule);
        const loss = await trainStep(model, optimizer, batch, lr);
        trainMs += performance.now() - t0;
        examplesDone += batch.size;
        tokensDone += batch.tokens;
        losses.push(loss);
        step++;
        const seconds = trainMs / 1000;
        cb.onProgress?.({
          step,
          totalSteps,
          epoch: epoch + (b + 1) / stepsPerEpoch,
          epochs: config.epochs,
          loss,
          lr,
          examplesPerSec: examplesDone / seconds,
          tokensPerSec: tokensDone / seconds,
          elapsedSec: seconds,
          etaSec: (seconds / step) * (totalSteps - step),
          memoryBytes: tf.memory().numBytes,
        });
        await nextTask(); // let pause/cancel/search messages in between steps
      }
      const last = epoch === config.epochs - 1 || control.cancelled;
      if ((config.evalEveryEpochs > 0 && (epoch + 1) % config.evalEveryEpochs === 0) || last) {
        if (control.cancelled) break;
        const res = await evaluateRetriever(
          retriever,
          corpus,
          config.evalSplit,
          config.evalQueries,
          seed,
        );
        if (res.queries > 0) {
          const point = { step, epoch: epoch + 1, ...res };
          evals.push(point);
          cb.onEval?.(point);
        }
      }
    }
  } catch (e) {
    disposeSeq2Seq(model);
    throw e;
  } finally {
    optimizer.dispose();
  }
  const seconds = trainMs / 1000;
  return {
    retriever,
    prepared,
    history: { losses, evals },
    speed: {
      examplesPerSec: examplesDone / Math.max(seconds, 1e-9),
      tokensPerSec: tokensDone / Math.max(seconds, 1e-9),
      seconds,
    },
    cancelled: control.cancelled,
  };
}
