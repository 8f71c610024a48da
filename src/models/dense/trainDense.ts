import type { Corpus } from '../../core/corpus/types';
import { prepareDsi, type PreparedDsi } from '../../core/dsi/prepare';
import { createRandom } from '../../core/random';
import { TrainControl, type EvalPoint, type TrainProgress } from '../train/control';
import { createOptimizer } from '../train/optimizers';
import { runTrainingLoop, type LoopOutcome } from '../train/trainLoop';
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
  const prepared = prepareDsi(corpus, config.data, { onStage: cb.onStage });
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
  const evaluate = async (epoch: number, step: number, index: DenseIndex) => {
    const r = createDenseRetriever(model, prepared.tokenizer, index);
    const res = await evaluateDense(r, corpus, config.evalSplit, config.evalQueries, seed);
    return res.queries > 0 ? { step, epoch, ...res } : null;
  };
  const optimizer = createOptimizer(config.optimizer);
  const random = createRandom(seed);
  let outcome: LoopOutcome;
  try {
    outcome = await runTrainingLoop(
      {
        batchesOf: () => planDenseBatches(data.pairs, config.batchSize, random),
        step: async (pairs, lr, step) => {
          const batch = makeDenseBatch(pairs, data.docTokens, maxLen, config.hardNegatives);
          const dropoutSeed = seed * 7919 + step * 4096;
          const value = await denseTrainStep(model, optimizer, batch, loss, lr, dropoutSeed);
          return { loss: value, examples: batch.size, tokens: batch.tokens };
        },
        // the last epoch is evaluated below, with the index the retriever keeps
        evaluate: async (epoch, step) => {
          const index = buildDenseIndex(model, data.docTokens);
          try {
            return await evaluate(epoch, step, index);
          } finally {
            disposeDenseIndex(index);
          }
        },
      },
      {
        epochs: config.epochs,
        lr: config.lr,
        stepsPerEpoch: planDenseBatches(data.pairs, config.batchSize, createRandom(seed)).length,
        evalEveryEpochs: config.evalEveryEpochs,
        evaluateLast: false,
      },
      cb,
      control,
    );
  } catch (e) {
    disposeDualEncoder(model);
    throw e;
  } finally {
    optimizer.dispose();
  }
  cb.onStage?.('Embedding the documents');
  const index = buildDenseIndex(model, data.docTokens);
  const retriever = createDenseRetriever(model, prepared.tokenizer, index);
  const evals = [...outcome.evals];
  if (!control.cancelled) {
    const point = await evaluate(config.epochs, outcome.steps, index);
    if (point) {
      evals.push(point);
      cb.onEval?.(point);
    }
  }
  return {
    retriever,
    prepared,
    data,
    history: { losses: outcome.losses, evals },
    speed: outcome.speed,
    cancelled: control.cancelled,
  };
}
