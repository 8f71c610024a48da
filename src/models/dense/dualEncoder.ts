import * as tf from '@tensorflow/tfjs-core';
import { SPECIAL_TOKENS } from '../../core/text/tokenizer';
import { createAttention, multiHeadAttention, type AttentionWeights } from '../layers/attention';
import { embeddingLookup } from '../layers/embedding';
import { createFeedForward, feedForward, type FeedForwardWeights } from '../layers/feedForward';
import { layerNorm, paddingMask } from '../layers/ops';
import { countParams, ParamFactory, type ParamStore, type WeightSource } from '../layers/params';
import type { DualEncoderConfig } from './config';

export type { DensePooling, DualEncoderConfig } from './config';
export { DEFAULT_DUAL_ENCODER_CONFIG } from './config';

/** Which tower encodes a text (the same one when the towers are shared). */
export type TowerName = 'query' | 'doc';

interface EncoderBlock {
  ln1g: tf.Variable;
  ln1b: tf.Variable;
  attn: AttentionWeights;
  ln2g: tf.Variable;
  ln2b: tf.Variable;
  ff: FeedForwardWeights;
}

interface Tower {
  pos: tf.Variable;
  blocks: EncoderBlock[];
  normG: tf.Variable;
  normB: tf.Variable;
}

export interface DualEncoderModel {
  config: DualEncoderConfig;
  params: ParamStore;
  /** token embeddings [vocab, d], shared by both towers */
  tokenEmbed: tf.Variable;
  query: Tower;
  /** the query tower itself when `sharedTowers` */
  doc: Tower;
}

/** Dropout while training: `rate` and a seed that changes every step (so masks differ per step). */
export interface DropoutOptions {
  rate: number;
  seed: number;
}

/** Positions a tower sees: the text plus, for 'cls' pooling, the [BOS] token put before it. */
function positions(c: DualEncoderConfig): number {
  return c.maxLen + (c.pooling === 'cls' ? 1 : 0);
}

function createTower(f: ParamFactory, prefix: string, c: DualEncoderConfig): Tower {
  const blocks: EncoderBlock[] = [];
  const pos = f.normal(`${prefix}.pos`, [positions(c), c.d], 0.02);
  for (let i = 0; i < c.layers; i++) {
    const p = `${prefix}${i}`;
    blocks.push({
      ln1g: f.constant(`${p}.ln1.g`, [c.d], 1),
      ln1b: f.constant(`${p}.ln1.b`, [c.d], 0),
      attn: createAttention(f, `${p}.self`, c.d),
      ln2g: f.constant(`${p}.ln2.g`, [c.d], 1),
      ln2b: f.constant(`${p}.ln2.b`, [c.d], 0),
      ff: createFeedForward(f, `${p}.ff`, c.d, c.ff),
    });
  }
  return {
    pos,
    blocks,
    normG: f.constant(`${prefix}.norm.g`, [c.d], 1),
    normB: f.constant(`${prefix}.norm.b`, [c.d], 0),
  };
}

/**
 * A freshly initialised dual encoder (weights depend only on the config, seed included), or one
 * whose weights `weights` gives (a checkpoint: no random numbers drawn only to be overwritten).
 */
export function createDualEncoder(
  config: DualEncoderConfig,
  weights?: WeightSource,
): DualEncoderModel {
  if (config.d % config.heads !== 0) throw new Error('d must be a multiple of heads');
  const f = new ParamFactory(config.seed, weights);
  try {
    const tokenEmbed = f.normal('embed', [config.vocab, config.d], 0.02);
    const query = createTower(f, config.sharedTowers ? 'enc' : 'q', config);
    const doc = config.sharedTowers ? query : createTower(f, 'd', config);
    return { config, params: f.params, tokenEmbed, query, doc };
  } catch (e) {
    // a weight the source could not give: free those made before it
    for (const v of f.params.values()) v.dispose();
    throw e;
  }
}

export function parameterCount(model: DualEncoderModel): number {
  return countParams(model.params);
}

/** Rows scaled to unit length (a zero row stays zero). */
export function normalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => x.div(tf.sqrt(tf.maximum(x.square().sum(-1, true), 1e-12))));
}

/**
 * Pooled, not yet normalised vectors [batch, d] for token ids [batch, len] (0 = padding; len ≤
 * maxLen). With `dropout` this is the training forward pass.
 */
export function encodeTower(
  model: DualEncoderModel,
  tokens: tf.Tensor2D,
  which: TowerName,
  dropout?: DropoutOptions,
): tf.Tensor2D {
  const c = model.config;
  const tower = which === 'query' ? model.query : model.doc;
  if (tokens.shape[1] > c.maxLen) throw new Error(`input of ${tokens.shape[1]} > maxLen tokens`);
  return tf.tidy(() => {
    let seed = dropout?.seed ?? 0;
    const drop = (x: tf.Tensor) =>
      dropout && dropout.rate > 0 ? tf.dropout(x, dropout.rate, undefined, seed++) : x;
    const ids =
      c.pooling === 'cls'
        ? tf.concat([tf.fill([tokens.shape[0], 1], SPECIAL_TOKENS.bos, 'int32'), tokens], 1)
        : tokens;
    const [batch, len] = ids.shape as [number, number];
    const valid = tf.notEqual(ids, 0).toFloat() as tf.Tensor2D;
    const mask = paddingMask(valid);
    const table = model.tokenEmbed as tf.Tensor2D;
    let x: tf.Tensor = embeddingLookup(table, ids.reshape([-1]) as tf.Tensor1D)
      .reshape([batch, len, c.d])
      .add(tower.pos.slice([0, 0], [len, c.d]));
    x = drop(x);
    for (const b of tower.blocks) {
      const h = layerNorm(x, b.ln1g, b.ln1b);
      x = x.add(drop(multiHeadAttention(b.attn, h, h, c.heads, mask)));
      x = x.add(drop(feedForward(b.ff, layerNorm(x, b.ln2g, b.ln2b))));
    }
    x = layerNorm(x, tower.normG, tower.normB);
    if (c.pooling === 'cls') return x.slice([0, 0, 0], [batch, 1, c.d]).reshape([batch, c.d]);
    // Sentence-BERT's mean pooling over the real (non-padding) tokens
    const summed = x.mul(valid.expandDims(-1)).sum(1);
    return summed.div(tf.maximum(valid.sum(1, true), 1)) as tf.Tensor2D;
  });
}

/** L2-normalised embeddings [batch, d] of token ids [batch, len] (inference: no dropout). */
export function embed(model: DualEncoderModel, tokens: tf.Tensor2D, which: TowerName): tf.Tensor2D {
  return tf.tidy(() => normalizeRows(encodeTower(model, tokens, which)));
}

export function disposeDualEncoder(model: DualEncoderModel): void {
  for (const v of model.params.values()) v.dispose();
}
