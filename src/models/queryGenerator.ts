import * as tf from '@tensorflow/tfjs-core';
import { docText } from '../core/corpus/docText';
import type { Corpus } from '../core/corpus/types';
import { docidVocab, type DocidVocab } from '../core/docids/types';
import {
  encodeSource,
  lengthBuckets,
  makeBatch,
  planBatches,
  type DsiExample,
} from '../core/dsi/examples';
import { trainingQueries } from '../core/dsi/prepare';
import { createRandom } from '../core/random';
import { trainTokenizer, type SubwordTokenizer } from '../core/text/tokenizer';
import type { QueryGenTrainConfig } from './queryGenConfig';
import { createSeq2Seq, disposeSeq2Seq, seq2seqLoss, type Seq2SeqModel } from './seq2seq';
import { TrainControl, type EvalPoint, type TrainProgress } from './train/control';
import { createOptimizer } from './train/optimizers';
import { runTrainingLoop } from './train/trainLoop';
import { trainStep } from './train/trainStep';

export { generateQueries } from './queryGenSampling';

/** DSI-QG's query generator: a seq2seq model that writes queries for a passage. */
export interface QueryGenerator {
  model: Seq2SeqModel;
  /** encodes passages, and its pieces are the decoder's tokens */
  tokenizer: SubwordTokenizer;
  /** decoder vocabulary: the tokenizer's pieces (same ids), then EOS, then BOS */
  vocab: DocidVocab;
  config: QueryGenTrainConfig;
}

export interface QueryGenCallbacks {
  onStage?(stage: string): void;
  onProgress?(p: TrainProgress): void;
  /** held-out loss (metrics.loss, mean per query token) when the config asks for it */
  onEval?(e: EvalPoint): void;
}

export interface TrainedQueryGenerator {
  generator: QueryGenerator;
  /** (passage, query) pairs trained on */
  pairs: number;
  history: { losses: number[]; evals: EvalPoint[] };
  speed: { examplesPerSec: number; tokensPerSec: number; seconds: number };
  cancelled: boolean;
}

/** (passage → query) examples: `doc` numbers the pair, whose query tokens are `targets[doc]`. */
interface PairData {
  examples: DsiExample[];
  targets: number[][];
}

function pairData(
  pairs: readonly { text: string; doc: number }[],
  passages: readonly number[][],
  tokenizer: SubwordTokenizer,
  maxQueryLen: number,
): PairData {
  const examples: DsiExample[] = [];
  const targets: number[][] = [];
  for (const { text, doc } of pairs) {
    const query = tokenizer.encode(text).slice(0, maxQueryLen);
    if (query.length === 0 || passages[doc].length === 0) continue;
    examples.push({ kind: 'query', src: passages[doc], doc: targets.length, text });
    targets.push(query);
  }
  return { examples, targets };
}

/** Pack a planned batch, its decoder length the smallest bucket that fits its longest query. */
function packBatch(
  plan: { examples: DsiExample[]; srcLen: number },
  data: PairData,
  model: Seq2SeqModel,
  vocab: DocidVocab,
) {
  const longest = Math.max(...plan.examples.map((ex) => data.targets[ex.doc].length)) + 1;
  const tgtLen = lengthBuckets(model.config.tgtLen).find((b) => b >= longest)!;
  return makeBatch(plan.examples, data.targets, plan.srcLen, tgtLen, vocab);
}

/** Mean cross-entropy per query token over `data`, forward only. */
async function heldOutLoss(
  model: Seq2SeqModel,
  vocab: DocidVocab,
  data: PairData,
  batchSize: number,
): Promise<number> {
  let sum = 0;
  let tokens = 0;
  const plans = planBatches(
    data.examples,
    batchSize,
    lengthBuckets(model.config.srcLen),
    createRandom(1),
  );
  for (const plan of plans) {
    const b = packBatch(plan, data, model, vocab);
    const loss = tf.tidy(() =>
      seq2seqLoss(
        model,
        tf.tensor2d(b.src, [b.size, b.srcLen], 'int32'),
        tf.tensor2d(b.tgtIn, [b.size, b.tgtLen], 'int32'),
        tf.tensor2d(b.targets, [b.size, b.tgtLen], 'int32'),
        tf.tensor2d(b.weights, [b.size, b.tgtLen]),
      ),
    );
    const n = b.weights.reduce((s, w) => s + w, 0);
    sum += (await loss.data())[0] * n;
    loss.dispose();
    tokens += n;
  }
  return sum / Math.max(tokens, 1);
}

/**
 * Train a query generator on the corpus's (relevant passage → query) pairs of `config.trainSplit`
 * (DSI-QG, Zhuang et al. 2022); the caller disposes it (disposeQueryGenerator).
 */
export async function trainQueryGenerator(
  corpus: Corpus,
  config: QueryGenTrainConfig,
  cb: QueryGenCallbacks = {},
  control = new TrainControl(),
): Promise<TrainedQueryGenerator> {
  const noPairs = () =>
    new Error(
      `this collection has no training queries: the query generator learns from (query, passage) pairs; ` +
        `add judged queries (qrels/${config.trainSplit}.tsv) or use the rule-based pseudo-queries instead`,
    );
  const pairs = trainingQueries(corpus, config.trainSplit);
  if (pairs.length === 0) throw noPairs();
  const texts = corpus.docs.map(docText);
  cb.onStage?.('Training the tokenizer');
  const tokenizer = trainTokenizer([...texts, ...pairs.map((p) => p.text)], config.tokenizer);
  const vocab = docidVocab(tokenizer.vocab, '');
  const passages = texts.map((t) => encodeSource(tokenizer, t, config.srcLen));
  const data = pairData(pairs, passages, tokenizer, config.maxQueryLen);
  if (data.examples.length === 0) throw noPairs();
  const held = config.evalSplit
    ? pairData(trainingQueries(corpus, config.evalSplit), passages, tokenizer, config.maxQueryLen)
    : { examples: [], targets: [] };
  const model = createSeq2Seq({
    ...config.model,
    srcVocab: tokenizer.vocabSize,
    tgtVocab: vocab.size,
    srcLen: config.srcLen,
    tgtLen: config.maxQueryLen + 1,
    seed: config.seed,
  });
  const generator: QueryGenerator = { model, tokenizer, vocab, config };
  const optimizer = createOptimizer(config.optimizer);
  const buckets = lengthBuckets(config.srcLen);
  const random = createRandom(config.seed);
  cb.onStage?.('Training the query generator');
  try {
    const outcome = await runTrainingLoop(
      {
        batchesOf: () => planBatches(data.examples, config.batchSize, buckets, random),
        // one batch packed per step, not every batch up front
        step: async (plan, lr) => {
          const batch = packBatch(plan, data, model, vocab);
          const loss = await trainStep(model, optimizer, batch, lr);
          return { loss, examples: batch.size, tokens: batch.tokens };
        },
        evaluate: async (epoch, step) =>
          held.examples.length === 0
            ? null
            : {
                step,
                epoch,
                queries: held.examples.length,
                metrics: { loss: await heldOutLoss(model, vocab, held, config.batchSize) },
              },
      },
      {
        epochs: config.epochs,
        lr: config.lr,
        stepsPerEpoch: planBatches(data.examples, config.batchSize, buckets, createRandom(0))
          .length,
        evalEveryEpochs: config.evalEveryEpochs,
        evaluateLast: true,
      },
      { onProgress: cb.onProgress, onEval: cb.onEval },
      control,
    );
    return {
      generator,
      pairs: data.examples.length,
      history: { losses: outcome.losses, evals: outcome.evals },
      speed: outcome.speed,
      cancelled: control.cancelled,
    };
  } catch (e) {
    disposeSeq2Seq(model);
    throw e;
  } finally {
    optimizer.dispose();
  }
}

export function disposeQueryGenerator(generator: QueryGenerator): void {
  disposeSeq2Seq(generator.model);
}
