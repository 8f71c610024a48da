import { createRandom } from '../random';
import type { StepFn } from './beamSearch';

/**
 * A deterministic stand-in for the seq2seq model: log-probs are a log-softmax of pseudo-random
 * logits seeded by a hash of (seed, prefix). Lets beam search be tested against brute force, and
 * lets the page show a decoding before any model has been trained.
 */
export interface SeededStepParams {
  /** Seed mixed into every prefix hash. Default 0. */
  seed: number;
  /** Vocabulary size (rows have this length). Default 12 (digits, EOS, BOS). */
  vocabSize: number;
  /** Logits are uniform in [−sharpness, sharpness]: higher means a more confident model. Default 3; range 0–10. */
  sharpness: number;
}

export const DEFAULT_SEEDED_STEP: SeededStepParams = { seed: 0, vocabSize: 12, sharpness: 3 };

/** FNV-1a over the seed and the prefix's tokens. */
function hashPrefix(seed: number, prefix: readonly number[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const t of [prefix.length, ...prefix]) {
    for (let shift = 0; shift < 32; shift += 8) {
      h ^= (t >>> shift) & 0xff;
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/** The seeded model's log-probabilities after `prefix` (which includes BOS, as a StepFn sees it). */
export function seededLogProbs(
  prefix: readonly number[],
  params: SeededStepParams = DEFAULT_SEEDED_STEP,
): Float32Array {
  const random = createRandom(hashPrefix(params.seed, prefix));
  const logits = Array.from(
    { length: params.vocabSize },
    () => (2 * random() - 1) * params.sharpness,
  );
  const max = Math.max(...logits);
  const logZ = max + Math.log(logits.reduce((s, l) => s + Math.exp(l - max), 0));
  return Float32Array.from(logits, (l) => l - logZ);
}

/** A StepFn over `seededLogProbs`. */
export function createSeededStepFn(params: SeededStepParams = DEFAULT_SEEDED_STEP): StepFn {
  return (prefixes) => Promise.resolve(prefixes.map((p) => seededLogProbs(p, params)));
}
