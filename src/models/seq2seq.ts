import * as tf from '@tensorflow/tfjs-core';
import { createAttention, multiHeadAttention, type AttentionWeights } from './layers/attention';
import { embeddingLookup } from './layers/embedding';
import { createFeedForward, feedForward, type FeedForwardWeights } from './layers/feedForward';
import { causalMask, layerNorm, linear, paddingMask } from './layers/ops';
import { countParams, ParamFactory, type ParamStore, type WeightSource } from './layers/params';
import type { LossNorm } from '../core/dsi/splitBatch';

/**
 * An encoder–decoder Transformer (pre-norm, learned positions, ReLU feed-forward), the shape of
 * PyTorch's nn.Transformer with norm_first=True, so its speed compares with the reference script.
 */
export interface Seq2SeqConfig {
  /** encoder vocabulary: the subword tokenizer's size (default 8000) */
  srcVocab: number;
  /** decoder vocabulary: the docid alphabet (12 for digit docids: 0–9, end-of-id, start) */
  tgtVocab: number;
  /** model width. Default 128; 64–512 */
  dModel: number;
  /** attention heads; must divide dModel. Default 4 */
  heads: number;
  /** feed-forward width. Default 512 (4 × dModel) */
  dFF: number;
  /** Default 2; 1–6 */
  encoderLayers: number;
  /** Default 2; 1–6 */
  decoderLayers: number;
  /** longest source in tokens (longer inputs are cut). Default 64 */
  srcLen: number;
  /** longest decoder input in tokens (start token + docid). Default 8 */
  tgtLen: number;
  /** weight initialisation seed */
  seed: number;
}

export const DEFAULT_SEQ2SEQ_CONFIG: Seq2SeqConfig = {
  srcVocab: 8000,
  tgtVocab: 12,
  dModel: 128,
  heads: 4,
  dFF: 512,
  encoderLayers: 2,
  decoderLayers: 2,
  srcLen: 64,
  tgtLen: 8,
  seed: 1,
};

interface EncoderBlock {
  ln1g: tf.Variable;
  ln1b: tf.Variable;
  attn: AttentionWeights;
  ln2g: tf.Variable;
  ln2b: tf.Variable;
  ff: FeedForwardWeights;
}

interface DecoderBlock extends EncoderBlock {
  lncg: tf.Variable;
  lncb: tf.Variable;
  cross: AttentionWeights;
}

export interface Seq2SeqModel {
  config: Seq2SeqConfig;
  params: ParamStore;
  srcEmbed: tf.Variable;
  srcPos: tf.Variable;
  tgtEmbed: tf.Variable;
  tgtPos: tf.Variable;
  encoder: EncoderBlock[];
  encNormG: tf.Variable;
  encNormB: tf.Variable;
  decoder: DecoderBlock[];
  decNormG: tf.Variable;
  decNormB: tf.Variable;
  outW: tf.Variable;
  outB: tf.Variable;
}

function createBlock(f: ParamFactory, prefix: string, c: Seq2SeqConfig): EncoderBlock {
  return {
    ln1g: f.constant(`${prefix}.ln1.g`, [c.dModel], 1),
    ln1b: f.constant(`${prefix}.ln1.b`, [c.dModel], 0),
    attn: createAttention(f, `${prefix}.self`, c.dModel),
    ln2g: f.constant(`${prefix}.ln2.g`, [c.dModel], 1),
    ln2b: f.constant(`${prefix}.ln2.b`, [c.dModel], 0),
    ff: createFeedForward(f, `${prefix}.ff`, c.dModel, c.dFF),
  };
}

/**
 * A freshly initialised model (weights depend only on the config, seed included), or one whose
 * weights `weights` gives (a checkpoint).
 */
export function createSeq2Seq(config: Seq2SeqConfig, weights?: WeightSource): Seq2SeqModel {
  if (config.dModel % config.heads !== 0) throw new Error('dModel must be a multiple of heads');
  const f = new ParamFactory(config.seed, weights);
  try {
    return buildSeq2Seq(config, f);
  } catch (e) {
    // a weight the source could not give: free those made before it
    for (const v of f.params.values()) v.dispose();
    throw e;
  }
}

function buildSeq2Seq(config: Seq2SeqConfig, f: ParamFactory): Seq2SeqModel {
  const c = config;
  const model: Seq2SeqModel = {
    config,
    params: f.params,
    srcEmbed: f.normal('src.embed', [c.srcVocab, c.dModel], 0.02),
    srcPos: f.normal('src.pos', [c.srcLen, c.dModel], 0.02),
    tgtEmbed: f.normal('tgt.embed', [c.tgtVocab, c.dModel], 0.02),
    tgtPos: f.normal('tgt.pos', [c.tgtLen, c.dModel], 0.02),
    encoder: [],
    encNormG: undefined!,
    encNormB: undefined!,
    decoder: [],
    decNormG: undefined!,
    decNormB: undefined!,
    outW: undefined!,
    outB: undefined!,
  };
  for (let i = 0; i < c.encoderLayers; i++) model.encoder.push(createBlock(f, `enc${i}`, c));
  model.encNormG = f.constant('enc.norm.g', [c.dModel], 1);
  model.encNormB = f.constant('enc.norm.b', [c.dModel], 0);
  for (let i = 0; i < c.decoderLayers; i++) {
    model.decoder.push({
      ...createBlock(f, `dec${i}`, c),
      lncg: f.constant(`dec${i}.lnc.g`, [c.dModel], 1),
      lncb: f.constant(`dec${i}.lnc.b`, [c.dModel], 0),
      cross: createAttention(f, `dec${i}.cross`, c.dModel),
    });
  }
  model.decNormG = f.constant('dec.norm.g', [c.dModel], 1);
  model.decNormB = f.constant('dec.norm.b', [c.dModel], 0);
  model.outW = f.dense('out.w', c.dModel, c.tgtVocab);
  model.outB = f.constant('out.b', [c.tgtVocab], 0);
  return model;
}

export function parameterCount(model: Seq2SeqModel): number {
  return countParams(model.params);
}

/** Token embeddings plus learned positions for ids [batch, len]. */
function embed(table: tf.Tensor, positions: tf.Tensor, ids: tf.Tensor2D): tf.Tensor {
  const [batch, len] = ids.shape;
  const d = table.shape[1]!;
  const tokens = embeddingLookup(table as tf.Tensor2D, ids.reshape([-1])).reshape([batch, len, d]);
  return tokens.add(positions.slice([0, 0], [len, d]));
}

/** Encoder states [batch, srcLen, d] and the padding mask of the source (token id 0 = padding). */
export function encode(
  model: Seq2SeqModel,
  src: tf.Tensor2D,
): { memory: tf.Tensor; mask: tf.Tensor4D } {
  const mask = paddingMask(tf.notEqual(src, 0).toFloat() as tf.Tensor2D);
  let x = embed(model.srcEmbed, model.srcPos, src);
  const heads = model.config.heads;
  for (const b of model.encoder) {
    const h = layerNorm(x, b.ln1g, b.ln1b);
    x = x.add(multiHeadAttention(b.attn, h, h, heads, mask));
    x = x.add(feedForward(b.ff, layerNorm(x, b.ln2g, b.ln2b)));
  }
  return { memory: layerNorm(x, model.encNormG, model.encNormB), mask };
}

/** Decoder logits [batch, tgtLen, tgtVocab] for decoder inputs `tgt` (teacher forcing). */
export function decode(
  model: Seq2SeqModel,
  tgt: tf.Tensor2D,
  memory: tf.Tensor,
  memoryMask: tf.Tensor4D,
): tf.Tensor3D {
  const heads = model.config.heads;
  const selfMask = causalMask(tgt.shape[1]);
  let x = embed(model.tgtEmbed, model.tgtPos, tgt);
  for (const b of model.decoder) {
    const h = layerNorm(x, b.ln1g, b.ln1b);
    x = x.add(multiHeadAttention(b.attn, h, h, heads, selfMask));
    x = x.add(multiHeadAttention(b.cross, layerNorm(x, b.lncg, b.lncb), memory, heads, memoryMask));
    x = x.add(feedForward(b.ff, layerNorm(x, b.ln2g, b.ln2b)));
  }
  return linear(
    layerNorm(x, model.decNormG, model.decNormB),
    model.outW,
    model.outB,
  ) as tf.Tensor3D;
}

/** A teacher's distribution over the first decoding step, for distillation. */
export interface FirstStepTeacher {
  /** [batch, tgtVocab], rows summing to 1 where `rows` is 1 */
  targets: tf.Tensor2D;
  /** [batch]: 1 for rows with a teacher distribution */
  rows: tf.Tensor1D;
  /** weight λ of the term */
  weight: number;
}

/**
 * Mean token cross-entropy of predicting `targets` [batch, tgtLen] from `src` and `tgtIn`
 * (`weights` 1 for real target tokens, 0 for padding). With a `teacher`, plus λ times the mean
 * cross-entropy of the first step's distribution against the teacher's (distillation: the model's
 * first token — a document with atomic docids, a cluster with semantic ones — learns the teacher's
 * ranking, not only the one relevant document).
 */
export function seq2seqLoss(
  model: Seq2SeqModel,
  src: tf.Tensor2D,
  tgtIn: tf.Tensor2D,
  targets: tf.Tensor2D,
  weights: tf.Tensor2D,
  teacher?: FirstStepTeacher,
  /**
   * divide by these instead of this batch's own weight and teacher rows: a part of a batch trained
   * on another worker divides by the whole batch's (core/dsi/splitBatch.ts), so parts add up
   */
  norm?: LossNorm,
): tf.Scalar {
  const { memory, mask } = encode(model, src);
  const logits = decode(model, tgtIn, memory, mask);
  const logProbs = tf.logSoftmax(logits);
  const picked = tf.sum(logProbs.mul(tf.oneHot(targets, model.config.tgtVocab)), -1);
  const targetWeight = norm ? tf.scalar(norm.targetWeight) : tf.maximum(tf.sum(weights), 1);
  const nll = tf.neg(tf.sum(picked.mul(weights)).div(targetWeight));
  if (!teacher) return nll as tf.Scalar;
  const [batch, , vocab] = logProbs.shape;
  const first = logProbs.slice([0, 0, 0], [batch, 1, vocab]).reshape([batch, vocab]);
  const perRow = tf.neg(tf.sum(first.mul(teacher.targets), -1)).mul(teacher.rows);
  const teacherRows = norm ? tf.scalar(norm.teacherRows) : tf.maximum(tf.sum(teacher.rows), 1);
  const distill = tf.sum(perRow).div(teacherRows);
  return nll.add(distill.mul(teacher.weight)) as tf.Scalar;
}

/**
 * Atomic docids: start the output row of each document (tokens 0…n−1) from a vector of it, e.g.
 * the dense retriever's document embedding (Nguyen & Yates 2023): the decoder's first step is
 * then a dot product with document vectors that keep learning. Vectors must have dModel entries.
 */
export function initOutputRows(model: Seq2SeqModel, vectors: readonly Float32Array[]): void {
  const d = model.config.dModel;
  if (vectors.some((v) => v.length !== d)) {
    throw new Error(
      `document vectors have ${vectors[0]?.length} dimensions but the model's width is ${d}`,
    );
  }
  const w = model.outW.arraySync() as number[][]; // [dModel, tgtVocab]
  vectors.forEach((v, doc) => v.forEach((x, i) => (w[i][doc] = x)));
  model.outW.assign(tf.tensor2d(w));
}

export function disposeSeq2Seq(model: Seq2SeqModel): void {
  for (const v of model.params.values()) v.dispose();
}
