import * as tf from '@tensorflow/tfjs';
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
import { sampleToken, streamSeed } from '../core/querygen/sampling';
import { createRandom, type Random } from '../core/random';
import { SPECIAL_TOKENS, trainTokenizer, type SubwordTokenizer } from '../core/text/tokenizer';
import type { QueryGenSampleParams, QueryGenTrainConfig } from './queryGenConfig';
import {
  createSeq2Seq,
  decode,
  disposeSeq2Seq,
  encode,
  seq2seqLoss,
  type Seq2SeqModel,
} from './seq2seq';
import { nextTask, TrainControl, type EvalPoint, type TrainProgress } from './train/control';
import { createOptimizer } from './train/optimizers';
import { runTrainingLoop } from './train/trainLoop';
import { trainStep } from './train/trainStep';

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

/** Decoder rows (passages × samples) per decoder call: big enough to keep the backend busy. */
const ROWS_PER_CALL = 64;

/**
 * Sample `params.perDoc` queries for each passage (`doc` = its index in `passages`), dropping empty
 * and repeated ones. Each (seed, doc, sample) draws from its own random stream, so the output is
 * deterministic and one passage's queries do not depend on its neighbours.
 */
export async function generateQueries(
  generator: QueryGenerator,
  passages: readonly string[],
  params: QueryGenSampleParams,
  onProgress?: (done: number, total: number) => void,
): Promise<{ doc: number; text: string }[]> {
  const { model, tokenizer } = generator;
  const srcLen = model.config.srcLen;
  const perCall = Math.max(1, Math.floor(ROWS_PER_CALL / params.perDoc));
  const out: { doc: number; text: string }[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < passages.length; start += perCall) {
    const docs: { doc: number; src: number[] }[] = [];
    for (let doc = start; doc < Math.min(passages.length, start + perCall); doc++) {
      const src = encodeSource(tokenizer, passages[doc], srcLen);
      if (src.length > 0) docs.push({ doc, src });
    }
    for (const { doc, tokens } of await sampleBatch(generator, docs, params)) {
      const text = tokenizer.decode(tokens).trim();
      const key = `${doc}\u0000${text}`;
      if (text === '' || seen.has(key)) continue;
      seen.add(key);
      out.push({ doc, text });
    }
    onProgress?.(Math.min(passages.length, start + perCall), passages.length);
    await nextTask(); // let other messages in between batches
  }
  return out;
}

/** Autoregressive sampling of perDoc queries for each passage: the encoder runs once. */
async function sampleBatch(
  { model, vocab }: QueryGenerator,
  docs: readonly { doc: number; src: number[] }[],
  params: QueryGenSampleParams,
): Promise<{ doc: number; tokens: number[] }[]> {
  if (docs.length === 0) return [];
  const { srcLen, tgtLen } = model.config;
  const src = new Int32Array(docs.length * srcLen); // always the full length: fixed shapes
  docs.forEach((d, i) => src.set(d.src, i * srcLen));
  const rows = docs.flatMap((d, i) =>
    Array.from({ length: params.perDoc }, (_, s) => ({
      doc: d.doc,
      passage: i,
      tokens: [] as number[],
      done: false,
      random: createRandom(streamSeed(params.seed, d.doc, s)) as Random,
    })),
  );
  const encoded = tf.tidy(() => {
    const { memory, mask } = encode(model, tf.tensor2d(src, [docs.length, srcLen], 'int32'));
    const passageOfRow = tf.tensor1d(
      rows.map((r) => r.passage),
      'int32',
    );
    return { memory: tf.gather(memory, passageOfRow), mask: tf.gather(mask, passageOfRow) };
  });
  // the tokenizer's specials and the decoder's BOS are never written; EOS not as the first token
  const banned = new Set<number>([...Object.values(SPECIAL_TOKENS), vocab.bos]);
  const bannedFirst = new Set([...banned, vocab.eos]);
  const widths = lengthBuckets(tgtLen);
  try {
    for (let len = 1; len < tgtLen && rows.some((r) => !r.done); len++) {
      // decoder input BOS + tokens so far, padded to a length bucket (the causal mask hides it)
      const width = widths.find((w) => w >= len)!;
      const ids = new Int32Array(rows.length * width).fill(vocab.eos);
      rows.forEach((r, i) => {
        ids[i * width] = vocab.bos;
        ids.set(r.tokens, i * width + 1);
      });
      const logProbs = tf.tidy(() => {
        const tgt = tf.tensor2d(ids, [rows.length, width], 'int32');
        const logits = decode(model, tgt, encoded.memory, encoded.mask);
        const last = logits.slice([0, len - 1, 0], [rows.length, 1, vocab.size]);
        return tf.logSoftmax(last.reshape([rows.length, vocab.size]));
      });
      const flat = (await logProbs.data()) as Float32Array;
      logProbs.dispose();
      rows.forEach((r, i) => {
        if (r.done) return;
        const row = flat.subarray(i * vocab.size, (i + 1) * vocab.size);
        const token = sampleToken(row, params.sampling, r.random, len === 1 ? bannedFirst : banned);
        if (token === vocab.eos) r.done = true;
        else r.tokens.push(token);
      });
    }
  } finally {
    encoded.memory.dispose();
    encoded.mask.dispose();
  }
  return rows.map((r) => ({ doc: r.doc, tokens: r.tokens }));
}

export function disposeQueryGenerator(generator: QueryGenerator): void {
  disposeSeq2Seq(generator.model);
}
