import * as tf from '@tensorflow/tfjs-core';
import type { Batch } from '../../core/dsi/examples';
import { createRandom, randomInt } from '../../core/random';
import {
  createSeq2Seq,
  decode,
  disposeSeq2Seq,
  encode,
  parameterCount,
  type Seq2SeqConfig,
} from '../seq2seq';
import { createOptimizer, DEFAULT_OPTIMIZER } from './optimizers';
import { trainStep, type ShareTraining } from './trainStep';
import { DOCID_VOCAB_SIZE } from '../../core/docids/types';
import { DEMO_TRAIN_CONFIG } from './presets';

export interface SpeedResult {
  backend: string;
  params: number;
  examplesPerSec: number;
  /** source + target tokens per second, counted as the PyTorch reference counts them */
  tokensPerSec: number;
  msPerStep: number;
  /**
   * The most bytes TF.js tensors held during one training step (weights, Adam's moments,
   * activations and gradients; tf.profile's peakBytes, GPU memory on webgpu/webgl)
   */
  peakMemoryBytes: number;
  /** workers that shared each step (1: the engine alone) */
  workers: number;
  /** local SGD's batches between averagings (the workers each trained a copy); undefined: shared */
  localSgdPeriod?: number;
}

/** The classroom default model (DEMO_TRAIN_CONFIG) with the built-in corpus's docid length. */
export const CLASSROOM_SPEED_CONFIG: Seq2SeqConfig = {
  ...DEMO_TRAIN_CONFIG.model,
  srcVocab: DEMO_TRAIN_CONFIG.data.tokenizer.vocabSize,
  tgtVocab: DOCID_VOCAB_SIZE,
  srcLen: DEMO_TRAIN_CONFIG.data.srcLen,
  tgtLen: 4,
  seed: 1,
};

/** A batch of random token ids of the model's full shapes (seeded). */
function randomBatch(config: Seq2SeqConfig, batchSize: number): Batch {
  const random = createRandom(0);
  const ids = (length: number, vocab: number, from: number) =>
    Int32Array.from({ length }, () => from + randomInt(random, vocab - from));
  return {
    size: batchSize,
    srcLen: config.srcLen,
    tgtLen: config.tgtLen,
    src: ids(batchSize * config.srcLen, config.srcVocab, 1),
    tgtIn: ids(batchSize * config.tgtLen, config.tgtVocab, 0),
    targets: ids(batchSize * config.tgtLen, config.tgtVocab, 0),
    weights: new Float32Array(batchSize * config.tgtLen).fill(1),
    tokens: batchSize * (config.srcLen + config.tgtLen),
  };
}

/**
 * Training speed on random token ids, the way ../shared/reference/torch_seq2seq_speed.py measures
 * it: same shapes (full-length sources, tgtLen decoder positions), Adam, `warmup` untimed steps.
 */
export async function measureTrainingSpeed(
  config: Seq2SeqConfig,
  batchSize: number,
  steps: number,
  warmup: number,
  /** share each step with other workers, as training does (models/train/dataParallel.ts) */
  share?: ShareTraining,
): Promise<SpeedResult> {
  const batch = randomBatch(config, batchSize);
  const model = createSeq2Seq(config);
  const optimizer = createOptimizer(DEFAULT_OPTIMIZER);
  let shared: Awaited<ReturnType<ShareTraining>> = null;
  try {
    // every long enough batch shared: the benchmark measures sharing itself
    shared = (await share?.(model, DEFAULT_OPTIMIZER, { trial: false })) ?? null;
    const step = () =>
      shared ? shared.step(batch, 1e-3, 0) : trainStep(model, optimizer, batch, 1e-3);
    for (let i = 0; i < warmup; i++) await step();
    // one untimed, profiled step for the memory peak (profiling slows kernels down); shared,
    // it is the engine's own part: each helper holds about as much again for its part
    const profile = await tf.profile(step);
    // local SGD: the helpers' batches handed over so far are done before the clock starts, and
    // the timed ones (and their averaging) before it stops
    await shared?.sync?.();
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) await step();
    await shared?.sync?.();
    const seconds = (performance.now() - t0) / 1000;
    const examplesPerSec = (batchSize * steps) / seconds;
    return {
      backend: tf.getBackend(),
      params: parameterCount(model),
      examplesPerSec,
      tokensPerSec: examplesPerSec * (config.srcLen + config.tgtLen),
      msPerStep: (1000 * seconds) / steps,
      peakMemoryBytes: profile.peakBytes,
      workers: shared?.workers ?? 1,
      localSgdPeriod: shared?.localSgdPeriod,
    };
  } finally {
    await shared?.done();
    optimizer.dispose();
    disposeSeq2Seq(model);
  }
}

/** What one step of each kind takes on the current backend (the backend probe's figures). */
export interface StepTimes {
  /** one training step (forward, backward, Adam) on a batch of `batchSize`, median ms */
  trainStepMs: number;
  /** one decoding step of beam search (`beam` rows, logits read back), median ms */
  decodeStepMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Time one training step and one decoding step of a model shaped like `config` on the current
 * backend: one untimed step of each first (GPU backends compile their programs there), then the
 * median of `reps`, or of fewer when a step already took longer than `enough` says (a backend
 * that slow has lost; more steps would only keep the machine busy). The model is made and freed here.
 */
export async function measureStepTimes(
  config: Seq2SeqConfig,
  batchSize: number,
  beam: number,
  reps: number,
  enough: Partial<StepTimes> = {},
): Promise<StepTimes> {
  const batch = randomBatch(config, batchSize);
  const model = createSeq2Seq(config);
  const optimizer = createOptimizer(DEFAULT_OPTIMIZER);
  const src = batch.src.slice(0, config.srcLen);
  const tgt = batch.tgtIn.slice(0, beam * config.tgtLen);
  // as in the retriever: encode the query, decode a [beam, tgtLen] block, read the log-probs
  const decodeStep = async () => {
    const logProbs = tf.tidy(() => {
      const { memory, mask } = encode(model, tf.tensor2d(src, [1, config.srcLen], 'int32'));
      const logits = decode(
        model,
        tf.tensor2d(tgt, [beam, config.tgtLen], 'int32'),
        tf.tile(memory, [beam, 1, 1]),
        tf.tile(mask, [beam, 1, 1, 1]),
      );
      return tf.logSoftmax(logits.slice([0, 0, 0], [beam, 1, config.tgtVocab]));
    });
    await logProbs.data();
    logProbs.dispose();
  };
  const timed = async (run: () => Promise<unknown>, limit = Infinity) => {
    await run();
    const times: number[] = [];
    while (times.length < reps && !(times.at(-1)! > limit)) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  try {
    const trainStepMs = await timed(
      () => trainStep(model, optimizer, batch, 1e-3),
      enough.trainStepMs,
    );
    const decodeStepMs = await timed(decodeStep, enough.decodeStepMs);
    return { trainStepMs, decodeStepMs };
  } finally {
    optimizer.dispose();
    disposeSeq2Seq(model);
  }
}
