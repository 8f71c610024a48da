import type { WeightSource } from '../layers/params';
import type { Seq2SeqConfig } from '../seq2seq';

// The generative model's forward pass in plain TypeScript, for decoding without TF.js: the page's
// first answers come from it while TF.js is still starting (worker/firstAnswers.ts). It computes
// what seq2seq.ts computes (pre-norm blocks, learned positions, ReLU feed-forward, additive masks)
// on Float32Arrays of rows, and reads the same checkpoint weights by the same names.

/** x · W + b: `w` is [nIn, nOut] row-major, as TF.js and the checkpoint lay it out. */
interface Dense {
  w: Float32Array;
  b: Float32Array;
  nIn: number;
  nOut: number;
}

interface Norm {
  g: Float32Array;
  b: Float32Array;
}

interface Attention {
  q: Dense;
  k: Dense;
  v: Dense;
  o: Dense;
}

interface Block {
  ln1: Norm;
  self: Attention;
  ln2: Norm;
  ff1: Dense;
  ff2: Dense;
}

interface DecoderBlock extends Block {
  lnc: Norm;
  cross: Attention;
}

export interface PlainSeq2Seq {
  config: Seq2SeqConfig;
  srcEmbed: Float32Array;
  srcPos: Float32Array;
  tgtEmbed: Float32Array;
  tgtPos: Float32Array;
  encoder: Block[];
  encNorm: Norm;
  decoder: DecoderBlock[];
  decNorm: Norm;
  out: Dense;
}

/** The model of `config` with the weights `weights` gives (a checkpoint's, by name and shape). */
export function plainSeq2Seq(config: Seq2SeqConfig, weights: WeightSource): PlainSeq2Seq {
  const c = config;
  if (c.dModel % c.heads !== 0) throw new Error('dModel must be a multiple of heads');
  const dense = (wName: string, bName: string, nIn: number, nOut: number): Dense => ({
    w: weights(wName, [nIn, nOut]),
    b: weights(bName, [nOut]),
    nIn,
    nOut,
  });
  const norm = (prefix: string): Norm => ({
    g: weights(`${prefix}.g`, [c.dModel]),
    b: weights(`${prefix}.b`, [c.dModel]),
  });
  const attention = (prefix: string): Attention => {
    const part = (p: 'q' | 'k' | 'v' | 'o') =>
      dense(`${prefix}.w${p}`, `${prefix}.b${p}`, c.dModel, c.dModel);
    return { q: part('q'), k: part('k'), v: part('v'), o: part('o') };
  };
  const block = (prefix: string): Block => ({
    ln1: norm(`${prefix}.ln1`),
    self: attention(`${prefix}.self`),
    ln2: norm(`${prefix}.ln2`),
    ff1: dense(`${prefix}.ff.w1`, `${prefix}.ff.b1`, c.dModel, c.dFF),
    ff2: dense(`${prefix}.ff.w2`, `${prefix}.ff.b2`, c.dFF, c.dModel),
  });
  const encoder: Block[] = [];
  for (let i = 0; i < c.encoderLayers; i++) encoder.push(block(`enc${i}`));
  const decoder: DecoderBlock[] = [];
  for (let i = 0; i < c.decoderLayers; i++)
    decoder.push({
      ...block(`dec${i}`),
      lnc: norm(`dec${i}.lnc`),
      cross: attention(`dec${i}.cross`),
    });
  return {
    config,
    srcEmbed: weights('src.embed', [c.srcVocab, c.dModel]),
    srcPos: weights('src.pos', [c.srcLen, c.dModel]),
    tgtEmbed: weights('tgt.embed', [c.tgtVocab, c.dModel]),
    tgtPos: weights('tgt.pos', [c.tgtLen, c.dModel]),
    encoder,
    encNorm: norm('enc.norm'),
    decoder,
    decNorm: norm('dec.norm'),
    out: dense('out.w', 'out.b', c.dModel, c.tgtVocab),
  };
}

/** The number of weights (what parameterCount gives for the TF.js model of the same config). */
export function plainParameterCount(model: PlainSeq2Seq): number {
  const dense = (d: Dense) => d.w.length + d.b.length;
  const norm = (n: Norm) => n.g.length + n.b.length;
  const attention = (a: Attention) => dense(a.q) + dense(a.k) + dense(a.v) + dense(a.o);
  const block = (b: Block) =>
    norm(b.ln1) + attention(b.self) + norm(b.ln2) + dense(b.ff1) + dense(b.ff2);
  let n = model.srcEmbed.length + model.srcPos.length + model.tgtEmbed.length;
  n += model.tgtPos.length + norm(model.encNorm) + norm(model.decNorm) + dense(model.out);
  for (const b of model.encoder) n += block(b);
  for (const b of model.decoder) n += block(b) + norm(b.lnc) + attention(b.cross);
  return n;
}

/** `rows` rows of `x` [rows, nIn] times the layer → [rows, nOut]. */
function applyDense(layer: Dense, x: Float32Array, rows: number): Float32Array {
  const { w, b, nIn, nOut } = layer;
  const out = new Float32Array(rows * nOut);
  for (let r = 0; r < rows; r++) {
    const o = r * nOut;
    out.set(b, o);
    for (let i = 0; i < nIn; i++) {
      const xi = x[r * nIn + i];
      if (xi === 0) continue;
      const wi = i * nOut;
      for (let j = 0; j < nOut; j++) out[o + j] += xi * w[wi + j];
    }
  }
  return out;
}

/** Layer normalisation of each row over its `d` features (ε = 1e-5, biased variance). */
function applyNorm(n: Norm, x: Float32Array, rows: number, d: number): Float32Array {
  const out = new Float32Array(rows * d);
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    let mean = 0;
    for (let i = 0; i < d; i++) mean += x[o + i];
    mean /= d;
    let variance = 0;
    for (let i = 0; i < d; i++) variance += (x[o + i] - mean) ** 2;
    const scale = 1 / Math.sqrt(variance / d + 1e-5);
    for (let i = 0; i < d; i++) out[o + i] = (x[o + i] - mean) * scale * n.g[i] + n.b[i];
  }
  return out;
}

function addInPlace(x: Float32Array, y: Float32Array): void {
  for (let i = 0; i < x.length; i++) x[i] += y[i];
}

/** Keys and values of `memory` [rows, d] for one attention layer (computed once, used by many queries). */
interface KeysValues {
  k: Float32Array;
  v: Float32Array;
  rows: number;
}

function keysValues(a: Attention, memory: Float32Array, rows: number): KeysValues {
  return { k: applyDense(a.k, memory, rows), v: applyDense(a.v, memory, rows), rows };
}

/**
 * Multi-head attention of `query` [qRows, d] over `kv`. `mask(i, j)` is added to query i's score
 * of key j (0, or −1e9 for a key it may not see), as seq2seq.ts adds its masks.
 */
function attend(
  a: Attention,
  query: Float32Array,
  qRows: number,
  kv: KeysValues,
  heads: number,
  mask: (i: number, j: number) => number,
): Float32Array {
  const d = a.q.nIn;
  const dh = d / heads;
  const q = applyDense(a.q, query, qRows);
  const context = new Float32Array(qRows * d);
  const scores = new Float32Array(kv.rows);
  const scale = 1 / Math.sqrt(dh);
  for (let i = 0; i < qRows; i++) {
    for (let h = 0; h < heads; h++) {
      const qo = i * d + h * dh;
      let max = -Infinity;
      for (let j = 0; j < kv.rows; j++) {
        const ko = j * d + h * dh;
        let s = 0;
        for (let t = 0; t < dh; t++) s += q[qo + t] * kv.k[ko + t];
        scores[j] = s * scale + mask(i, j);
        if (scores[j] > max) max = scores[j];
      }
      let sum = 0;
      for (let j = 0; j < kv.rows; j++) sum += scores[j] = Math.exp(scores[j] - max);
      for (let j = 0; j < kv.rows; j++) {
        const p = scores[j] / sum;
        const vo = j * d + h * dh;
        for (let t = 0; t < dh; t++) context[qo + t] += p * kv.v[vo + t];
      }
    }
  }
  return applyDense(a.o, context, qRows);
}

function feedForward(b: Block, x: Float32Array, rows: number, d: number): Float32Array {
  const hidden = applyDense(b.ff1, applyNorm(b.ln2, x, rows, d), rows);
  for (let i = 0; i < hidden.length; i++) if (hidden[i] < 0) hidden[i] = 0;
  return applyDense(b.ff2, hidden, rows);
}

/** Token embeddings plus learned positions of `ids` → [ids.length, d]. */
function embed(table: Float32Array, positions: Float32Array, ids: ArrayLike<number>, d: number) {
  const x = new Float32Array(ids.length * d);
  for (let t = 0; t < ids.length; t++)
    for (let i = 0; i < d; i++) x[t * d + i] = table[ids[t] * d + i] + positions[t * d + i];
  return x;
}

/** What the decoder needs of one source: each decoder layer's keys and values of it, and its mask. */
export interface PlainMemory {
  cross: KeysValues[];
  /** 0 for a real source token, −1e9 for padding (token id 0) */
  keyMask: Float32Array;
}

/** Encode source ids (padded with 0) once, for every decoding step of one query. */
export function plainEncode(model: PlainSeq2Seq, src: Int32Array): PlainMemory {
  const { dModel: d, heads } = model.config;
  const rows = src.length;
  const keyMask = new Float32Array(rows);
  for (let j = 0; j < rows; j++) keyMask[j] = src[j] === 0 ? -1e9 : 0;
  let x: Float32Array = embed(model.srcEmbed, model.srcPos, src, d);
  for (const b of model.encoder) {
    const h = applyNorm(b.ln1, x, rows, d);
    addInPlace(
      x,
      attend(b.self, h, rows, keysValues(b.self, h, rows), heads, (_, j) => keyMask[j]),
    );
    addInPlace(x, feedForward(b, x, rows, d));
  }
  x = applyNorm(model.encNorm, x, rows, d);
  return { cross: model.decoder.map((b) => keysValues(b.cross, x, rows)), keyMask };
}

/**
 * The next token's log-probabilities after each prefix (BOS first): the decoder run over the
 * prefix's positions (a causal mask hides later ones, so they need not exist).
 */
export function plainNextLogProbs(
  model: PlainSeq2Seq,
  memory: PlainMemory,
  prefixes: readonly number[][],
): Float32Array[] {
  const { dModel: d, heads, tgtVocab } = model.config;
  return prefixes.map((prefix) => {
    const rows = prefix.length;
    let y: Float32Array = embed(model.tgtEmbed, model.tgtPos, prefix, d);
    model.decoder.forEach((b, layer) => {
      const h = applyNorm(b.ln1, y, rows, d);
      const causal = (i: number, j: number) => (j > i ? -1e9 : 0);
      addInPlace(y, attend(b.self, h, rows, keysValues(b.self, h, rows), heads, causal));
      const c = applyNorm(b.lnc, y, rows, d);
      addInPlace(
        y,
        attend(b.cross, c, rows, memory.cross[layer], heads, (_, j) => memory.keyMask[j]),
      );
      addInPlace(y, feedForward(b, y, rows, d));
    });
    y = applyNorm(model.decNorm, y.subarray((rows - 1) * d, rows * d), 1, d);
    return logSoftmax(applyDense(model.out, y, 1), tgtVocab);
  });
}

function logSoftmax(x: Float32Array, n: number): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (x[i] > max) max = x[i];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(x[i] - max);
  const log = Math.log(sum);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = x[i] - max - log;
  return out;
}
