import type { Random } from '../random';

/**
 * How the learned query generator picks each next token. Top-k sampling is docTTTTTquery's
 * (Nogueira & Lin 2019, k = 10), the generator DSI-QG builds on (Zhuang et al. 2022); nucleus
 * sampling is Holtzman et al. 2020.
 */
export interface SamplingParams {
  /**
   * 'top-k': draw among the k most probable tokens; 'nucleus': among the fewest most probable
   * tokens whose mass reaches topP. Default 'top-k'
   */
  strategy: 'top-k' | 'nucleus';
  /** tokens kept by top-k. Default 10; range 1–100 */
  topK: number;
  /** probability mass kept by nucleus sampling. Default 0.9; range 0.1–1 */
  topP: number;
  /** divides log-probabilities before truncation: < 1 sharper, > 1 flatter. Default 1; 0.1–2 */
  temperature: number;
}

export const DEFAULT_SAMPLING_PARAMS: SamplingParams = {
  strategy: 'top-k',
  topK: 10,
  topP: 0.9,
  temperature: 1,
};

function checkParams(p: SamplingParams): void {
  if (!(p.temperature > 0)) throw new RangeError(`temperature must be > 0, got ${p.temperature}`);
  if (p.strategy === 'top-k' && !(p.topK >= 1))
    throw new RangeError(`topK must be ≥ 1, got ${p.topK}`);
  if (p.strategy === 'nucleus' && !(p.topP > 0 && p.topP <= 1))
    throw new RangeError(`topP must be in (0, 1], got ${p.topP}`);
}

/**
 * Draw the next token from `logProbs` (log-probabilities or logits over the vocabulary): divide by
 * the temperature, drop `banned` tokens, keep the top k (ties: lower id first) or the nucleus, and
 * draw one in proportion to its renormalised probability. Pure: the draw uses `random` only.
 */
export function sampleToken(
  logProbs: Float32Array | readonly number[],
  params: SamplingParams,
  random: Random,
  banned?: ReadonlySet<number>,
): number {
  checkParams(params);
  const n = logProbs.length;
  let max = -Infinity;
  for (let t = 0; t < n; t++) if (!banned?.has(t) && logProbs[t] > max) max = logProbs[t];
  if (!(max > -Infinity))
    throw new Error('no token can be sampled: every token is banned or impossible');
  // unnormalised probabilities after the temperature; 0 for banned and impossible tokens
  const weights = new Float64Array(n);
  let total = 0;
  for (let t = 0; t < n; t++) {
    if (banned?.has(t) || !(logProbs[t] > -Infinity)) continue;
    weights[t] = Math.exp((logProbs[t] - max) / params.temperature);
    total += weights[t];
  }
  const kept =
    params.strategy === 'top-k'
      ? topTokens(weights, Math.floor(params.topK))
      : nucleusTokens(weights, total, params.topP);
  let mass = 0;
  for (const t of kept) mass += weights[t];
  let u = random() * mass;
  for (const t of kept) {
    u -= weights[t];
    if (u < 0) return t;
  }
  return kept[kept.length - 1]; // rounding left u ≥ 0 after the last one
}

/** The `k` heaviest tokens with weight > 0, heaviest first (ties: lower id first). */
function topTokens(weights: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let t = 0; t < weights.length; t++) {
    const w = weights[t];
    if (w <= 0 || (top.length === k && w <= weights[top[k - 1]])) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && weights[top[i - 1]] < w) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = t;
  }
  return top;
}

/** The fewest heaviest tokens whose weight sums to ≥ topP · total (ties: lower id first). */
function nucleusTokens(weights: Float64Array, total: number, topP: number): number[] {
  const present: number[] = [];
  for (let t = 0; t < weights.length; t++) if (weights[t] > 0) present.push(t);
  if (topP >= 1) return present;
  const need = topP * total;
  // Sort only the tokens above a threshold whose mass already reaches `need`: the nucleus lies
  // among them, since every token left out is lighter than all of them.
  let max = 0;
  for (const t of present) max = Math.max(max, weights[t]);
  for (let threshold = max * 1e-3; ; threshold *= 1e-3) {
    const candidates =
      threshold > 1e-300 ? present.filter((t) => weights[t] >= threshold) : present;
    let mass = 0;
    for (const t of candidates) mass += weights[t];
    if (mass < need && candidates.length < present.length) continue;
    candidates.sort((a, b) => weights[b] - weights[a] || a - b);
    const nucleus: number[] = [];
    let cum = 0;
    for (const t of candidates) {
      nucleus.push(t);
      cum += weights[t];
      if (cum >= need) break;
    }
    return nucleus;
  }
}

/**
 * A seed for one independent random stream, mixed from a base seed and indices (e.g. document and
 * sample number), so one document's samples do not depend on which documents came before it.
 */
export function streamSeed(seed: number, ...indices: number[]): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  for (const i of indices) {
    h = Math.imul(h ^ (i + 0x632be5ab), 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x27d4eb2f) >>> 0;
    h ^= h >>> 15;
  }
  return h >>> 0;
}
