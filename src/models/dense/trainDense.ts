import * as tf from '@tensorflow/tfjs';
import type { Corpus } from '../../core/corpus/types';
import { prepareDsi, type PreparedDsi } from '../../core/dsi/prepare';
import { createRandom } from '../../core/random';
import { nextTask, TrainControl, type EvalPoint, type TrainProgress } from '../train/control';
import { createOptimizer } from '../train/optimizers';
import { learningRateAt } from '../train/schedule';
import type { DenseTrainConfig } from './config';
import { buildDenseIndex, disposeDenseIndex, type DenseIndex } from './denseIndex';
import { buildDenseData, makeDenseBatch, planDenseBatches, type DenseData } from './densePairs';
import { createDenseRetriever, evaluateDense, type DenseRetriever } from './denseRetriever';
import { denseTrainStep } from './denseTrainStep';
import { createDualEncoder, disposeDualEncoder, parameterCount } from './dualEncoder';

export type { DenseModelShape, DenseTrainConfig } from './config';
export { DEFAULT_DENSE_TRAIN } from './config';
export { DEMO_DENSE_CONFIG, TINY_DENSE_CONFIG } from './presets';
export { TrainControl, type EvalPoint, type TrainProgress } from '../train/control';

export interface DenseTrainCallbacks {
  onStage?(stage: string): void;
  onPrepared?(info: {
    parameters: number;
    pairs: DenseData['counts'];
    vocab: number;
    maxLen: number;
  }): void;
  onProgress?(p: TrainProgress): void;
  onEval?(e: EvalPoint): void;
}

export interface TrainedDense {
  /** the model with every document embedded by its final weights */
  retriever: DenseRetriever;
  prepared: PreparedDsi;
  data: DenseData;
  history: { losses: number[]; evals: EvalPoint[] };
  /** training speed over the whole run, evaluation and indexing excluded */
  speed: { examplesPerSec: number; tokensPerSec: number; seconds: number };
  cancelled: boolean;
}

/**
 * Train a dual encoder with InfoNCE on the generative model's (query or pseudo-query, document)
 * pairs, reporting progress; the caller disposes the retriever (disposeDenseRetriever).
 */
export async function trainDense(
  corpus: Corpus,
  config: DenseTrainConfig,
  cb: DenseTrainCallbacks = {},
  control = new TrainControl(),
): Promise<TrainedDense> {
  const prepared = prepareDsi(corpus, config.data, cb.onStage);
  if (config.hardNegatives) cb.onStage?.('Mining BM25 hard negatives');
  const maxLen = config.data.srcLen;
  const data = buildDenseData(corpus, prepared, maxLen, config.hardNegatives);
  if (data.pairs.length < 2)
    throw new Error('dense training needs queries or pseudo-queries (the mix has none)');
  const seed = config.data.seed;
  const model = createDualEncoder({
    ...config.model,
    vocab: prepared.tokenizer.vocabSize,
    maxLen,
    seed,
  });
  cb.onPrepared?.({
    parameters: parameterCount(model),
    pairs: data.counts,
    vocab: prepared.tokenizer.vocabSize,
    maxLen,
  });
  cb.onStage?.('Training');

  const loss = {
    temperature: config.temperature,
    symmetric: config.symmetric,
    matryoshkaDims: config.matryoshkaDims,
  };
  const evals: EvalPoint[] = [];
  const evaluate = async (epoch: number, step: number, index: DenseIndex) => {
    const r = createDenseRetriever(model, prepared.tokenizer, index);
    const res = await evaluateDense(r, corpus, config.evalSplit, config.evalQueries, seed);
    if (res.queries > 0) {
      const point = { step, epoch, ...res };
      evals.push(point);
      cb.onEval?.(point);
    }
  };
  const optimizer = createOptimizer(config.optimizer);
  const random = createRandom(seed);
  const stepsPerEpoch = planDenseBatches(data.pairs, config.batchSize, createRandom(seed)).length;
  const totalSteps = stepsPerEpoch * config.epochs;
  const schedule = { ...config.lr, totalSteps };
  const losses: number[] = [];
  let trainMs = 0;
  let examplesDone = 0;
  let tokensDone = 0;
  let step = 0;
  try {
    for (let epoch = 0; epoch < config.epochs && !control.cancelled; epoch++) {
      const plan = planDenseBatches(data.pairs, config.batchSize, random);
      for (let b = 0; b < plan.length && !control.cancelled; b++) {
        await control.waitWhilePaused();
        if (control.cancelled) break;
        const batch = makeDenseBatch(plan[b], data.docTokens, maxLen, config.hardNegatives);
        const t0 = performance.now();
        const lr = learningRateAt(step, schedule);
        const value = await denseTrainStep(
          model,
          optimizer,
          batch,
          loss,
          lr,
          seed * 7919 + step * 4096,
        );
        trainMs += performance.now() - t0;
        examplesDone += batch.size;
        tokensDone += batch.tokens;
        losses.push(value);
        step++;
        const seconds = trainMs / 1000;
        cb.onProgress?.({
          step,
          totalSteps,
          epoch: epoch + (b + 1) / plan.length,
          epochs: config.epochs,
          loss: value,
          lr,
          examplesPerSec: examplesDone / seconds,
          tokensPerSec: tokensDone / seconds,
          elapsedSec: seconds,
          etaSec: (seconds / step) * (totalSteps - step),
          memoryBytes: tf.memory().numBytes,
        });
        await nextTask(); // let pause/cancel/search messages in between steps
      }
      // the last epoch is evaluated below, with the index the retriever keeps
      if (control.cancelled || epoch === config.epochs - 1) break;
      if (config.evalEveryEpochs > 0 && (epoch + 1) % config.evalEveryEpochs === 0) {
        const index = buildDenseIndex(model, data.docTokens);
        try {
          await evaluate(epoch + 1, step, index);
        } finally {
          disposeDenseIndex(index);
        }
      }
    }
  } catch (e) {
    disposeDualEncoder(model);
    throw e;
  } finally {
    optimizer.dispose();
  }
  cb.onStage?.('Embedding the documents');
  const index = buildDenseIndex(model, data.docTokens);
  const retriever = createDenseRetriever(model, prepared.tokenizer, index);
  if (!control.cancelled) await evaluate(config.epochs, step, index);
  const seconds = trainMs / 1000;
  return {
    retriever,
    prepared,
    data,
    history: { losses, evals },
    speed: {
      examplesPerSec: examplesDone / Math.max(seconds, 1e-9),
      tokensPerSec: tokensDone / Math.max(seconds, 1e-9),
      seconds,
    },
    cancelled: control.cancelled,
  };
}
