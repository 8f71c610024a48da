import fc from 'fast-check';
import { compareTokens, normalisedScore, type BeamResult, type StepFn } from './beamSearch';
import { seededLogProbs } from './seededStepFn';
import { allowedNext, type DocidTrie } from './trie';

/** Test fixtures for beam search: digit docids, a seeded fake model, brute-force answers. */
export const EOS = 10;
export const BOS = 11;
export const VOCAB = 12;
export const TOKENS = { bos: BOS, eos: EOS, vocabSize: VOCAB };

/** Small random tries: distinct docids over digits 0–3, so prefixes are often shared. */
export const docidSets = fc.uniqueArray(
  fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
  {
    selector: (s) => s.join(','),
    minLength: 1,
    maxLength: 16,
  },
);

export const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
export const alphas = fc.constantFrom(0, 0.5, 1);

export function modelOf(seed: number) {
  const params = { seed, vocabSize: VOCAB, sharpness: 3 };
  const logProbs = (prefix: readonly number[]) => seededLogProbs(prefix, params);
  const prefixesSeen: number[][][] = [];
  const step: StepFn = (prefixes) => {
    prefixesSeen.push(prefixes.map((p) => [...p]));
    return Promise.resolve(prefixes.map(logProbs));
  };
  return { step, logProbs, prefixesSeen };
}

/** Sum of the model's log-probs along tokens + EOS, added in decoding order. */
export function pathLogProb(
  logProbs: (prefix: readonly number[]) => Float32Array,
  tokens: readonly number[],
): number {
  let lp = 0;
  const full = [...tokens, EOS];
  for (let i = 0; i < full.length; i++) lp += logProbs([BOS, ...full.slice(0, i)])[full[i]];
  return lp;
}

/** Every docid ranked by its exact sequence score: what beam search approximates. */
export function exhaustiveRanking(
  seqs: readonly number[][],
  logProbs: (prefix: readonly number[]) => Float32Array,
  alpha: number,
): BeamResult[] {
  return seqs
    .map((tokens, doc) => {
      const logProb = pathLogProb(logProbs, tokens);
      return { tokens, logProb, score: normalisedScore(logProb, tokens.length + 1, alpha), doc };
    })
    .sort((a, b) => b.score - a.score || compareTokens(a.tokens, b.tokens));
}

/** Greedy constrained decoding: the best allowed token each step (ties: the smaller token). */
export function greedy(
  trie: DocidTrie,
  logProbs: (prefix: readonly number[]) => Float32Array,
): number[] {
  const out: number[] = [];
  for (;;) {
    const row = logProbs([BOS, ...out]);
    const allowed = allowedNext(trie, out);
    const best = allowed.reduce((b, t) => (row[t] > row[b] ? t : b), allowed[0]);
    if (best === EOS) return out;
    out.push(best);
  }
}

/** A model that puts almost all mass on `peak(prefix)` (without BOS), uniform when undefined. */
export function peakedStep(peak: (prefix: number[]) => number | undefined): StepFn {
  return (prefixes) =>
    Promise.resolve(
      prefixes.map((p) => {
        const target = peak(p.slice(1));
        const logits = Array.from({ length: VOCAB }, (_, t): number => (t === target ? 8 : 0));
        const logZ = Math.log(logits.reduce((s, l) => s + Math.exp(l), 0));
        return Float32Array.from(logits, (l) => l - logZ);
      }),
    );
}
