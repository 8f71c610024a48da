import * as tf from '@tensorflow/tfjs-core';
import type { Batch } from '../../core/dsi/examples';
import { lossNorm, splitBatch, type LossNorm } from '../../core/dsi/splitBatch';
import {
  createSeq2Seq,
  disposeSeq2Seq,
  parameterCount,
  type Seq2SeqConfig,
  type Seq2SeqModel,
} from '../seq2seq';
import type { OptimizerParams } from './config';
import { createFlatOptimizer, type FlatOptimizer } from './flatOptimizer';
import type { SharingTrial } from './sharingTrial';
import { batchGradients, type StepFn } from './trainStep';

/**
 * Data-parallel training: each step's batch is cut into parts by rows, and each part's gradients
 * are computed on its own worker (its own wasm thread) from the same weights; the engine adds them
 * up and takes the optimizer step. The parts divide their losses by the whole batch's weight, so
 * the sum is the whole batch's gradient and training follows the same path as on one worker.
 *
 * Coarse-grained on purpose: TF.js's threaded wasm splits each kernel over threads, which on small
 * models costs more in synchronisation than it shares (bench/results/train-speed.md); here the
 * workers meet once per step.
 */

/** A worker that computes gradients of one part of a batch (another thread, or this one in tests). */
export interface GradientHelper {
  /** Build a model shaped by `config` to compute with (replaces the one before). */
  prepare(config: Seq2SeqConfig): Promise<void>;
  /**
   * The loss on `part` and its gradients, at `weights` (every parameter flattened in the model's
   * parameter order), normalised by the whole batch's `norm`; gradients flattened the same way.
   */
  gradients(
    weights: Float32Array,
    part: Batch,
    norm: LossNorm,
    distillWeight: number,
  ): Promise<{ loss: number; grads: Float32Array }>;
  /** Free the model. */
  release(): Promise<void>;
}

/** Every parameter of `model`, flattened in parameter order (the order of model.params). */
export function readWeights(model: Seq2SeqModel): Float32Array {
  const out = new Float32Array(parameterCount(model));
  let at = 0;
  for (const v of model.params.values()) {
    out.set(v.dataSync() as Float32Array, at);
    at += v.size;
  }
  return out;
}

/** Put flattened weights (as readWeights gives them) into `model`'s parameters. */
export function writeWeights(model: Seq2SeqModel, flat: Float32Array): void {
  if (flat.length !== parameterCount(model))
    throw new Error(`${flat.length} weights for a model of ${parameterCount(model)} parameters`);
  let at = 0;
  for (const v of model.params.values()) {
    tf.tidy(() => v.assign(tf.tensor(flat.subarray(at, at + v.size), v.shape)));
    at += v.size;
  }
}

/**
 * A model shaped by `config` with every weight zero, not a random initialisation: for a worker
 * whose weights always come from the engine.
 */
export function zeroedSeq2Seq(config: Seq2SeqConfig): Seq2SeqModel {
  return createSeq2Seq(config, (_, shape) => new Float32Array(shape.reduce((a, b) => a * b)));
}

/** The flat optimizer (flatOptimizer.ts) over every parameter of `model`, in parameter order. */
export function flatOptimizerFor(model: Seq2SeqModel, params: OptimizerParams): FlatOptimizer {
  return createFlatOptimizer(
    params,
    [...model.params.values()].map((v) => ({ size: v.size, rank: v.rank })),
  );
}

/** A gradient helper on this thread: the worker's implementation, and the tests' stand-in. */
export function createGradientHelper(): GradientHelper {
  let model: Seq2SeqModel | null = null;
  return {
    async prepare(config) {
      if (model) disposeSeq2Seq(model);
      model = null;
      // every step brings its weights
      model = zeroedSeq2Seq(config);
    },
    async gradients(weights, part, norm, distillWeight) {
      if (!model) throw new Error('the gradient helper has no model (prepare it first)');
      writeWeights(model, weights);
      return localGradients(model, part, norm, distillWeight);
    },
    async release() {
      if (model) disposeSeq2Seq(model);
      model = null;
    },
  };
}

/**
 * Source tokens (rows × padded length) a part of a batch needs for sharing to pay: a step has a
 * cost that does not shrink with the batch (TF.js runs the same ~860 kernels, the weights and
 * gradients are copied whole), so a short batch is computed here alone. In the page on two cores,
 * batches of 32 × 48 tokens trained faster on two workers than on one, and 32 × 32 no faster.
 */
export const MIN_PART_TOKENS = 640;

/** How many parts `batch` is cut into with `workers` available (1: no sharing). */
export function partsFor(batch: Batch, workers: number, minPartTokens = MIN_PART_TOKENS): number {
  const tokens = batch.size * batch.srcLen;
  return Math.max(1, Math.min(workers, Math.floor(tokens / minPartTokens)));
}

/** The loss and gradients (flattened in parameter order) of `part` on this thread. */
export async function localGradients(
  model: Seq2SeqModel,
  part: Batch,
  norm: LossNorm,
  distillWeight: number,
): Promise<{ loss: number; grads: Float32Array }> {
  const flat = tf.tidy(() => {
    const { value, grads } = batchGradients(model, part, distillWeight, norm);
    return tf.concat([
      value.reshape([1]),
      ...[...model.params.values()].map((v) => grads[v.name].reshape([-1])),
    ]);
  });
  const all = (await flat.data()) as Float32Array;
  flat.dispose();
  return { loss: all[0], grads: all.subarray(1) };
}

/**
 * Training steps for `model` shared with `helpers` (prepared for the model's shape; none: this
 * worker alone): each batch is cut into one part per worker, part 0 computed here, part i + 1 on
 * helper i, all from the same weights; the gradients are added up and the flat optimizer updates
 * the weights, which go back into the model. For the CPU backends (wasm, plain JS), where reading
 * tensors back costs a copy, not a trip to a GPU.
 */
export function dataParallelStepper(
  model: Seq2SeqModel,
  optimizer: OptimizerParams,
  helpers: readonly GradientHelper[],
  options: {
    /** share only batches with at least this many source tokens per part */
    minPartTokens?: number;
    /** measure whether sharing pays, and share only if it does (sharingTrial.ts) */
    trial?: SharingTrial;
    now?: () => number;
  } = {},
): StepFn {
  const { minPartTokens = MIN_PART_TOKENS, trial, now = () => performance.now() } = options;
  const flatOptimizer = flatOptimizerFor(model, optimizer);
  // the weights as the optimizer keeps them; the model's variables get a copy after each step
  const weights = readWeights(model);
  return async (batch, lr, distillWeight) => {
    const shareable = partsFor(batch, helpers.length + 1, minPartTokens);
    const way = shareable === 1 ? null : (trial?.next() ?? 'shared');
    const started = now();
    const parts = splitBatch(batch, way === 'shared' ? shareable : 1);
    const norm = lossNorm(batch);
    // each helper gets a copy of its own: it is moved to the worker, not copied again
    const remote = parts
      .slice(1)
      .map((part, i) => helpers[i].gradients(weights.slice(), part, norm, distillWeight));
    const results = await Promise.all([
      localGradients(model, parts[0], norm, distillWeight),
      ...remote,
    ]);
    const grads = results[0].grads;
    for (const other of results.slice(1))
      for (let i = 0; i < grads.length; i++) grads[i] += other.grads[i];
    flatOptimizer.step(weights, grads, lr);
    writeWeights(model, weights);
    if (way) trial?.record(way, now() - started, batch.size * batch.srcLen);
    return results.reduce((sum, r) => sum + r.loss, 0);
  };
}
