import { createRandom, shuffled } from '../random';
import { digitCount, toDigits } from './digits';
import { DIGIT_VOCAB, type DocidScheme } from './types';

export interface NaiveParams {
  /** Seed of the random permutation that hands out the numbers. Default 0. */
  seed: number;
}

export const DEFAULT_NAIVE_PARAMS: NaiveParams = { seed: 0 };

/**
 * DSI's "naively structured string identifiers" (Tay et al. 2022, §3.2): each document gets an
 * arbitrary unique integer, decoded digit by digit. The numbers are a seeded permutation of
 * 0..N-1 so they carry nothing about corpus order. Unlike DSI's variable-length integers they are
 * zero-padded to digits(N-1): uniform length keeps beam scores (sums of log-probabilities over the
 * digits) comparable, so a short id doesn't win merely for having fewer terms to pay for.
 */
export const naiveScheme: DocidScheme<NaiveParams> = {
  name: 'naive',
  describe: 'Arbitrary unique numbers (a seeded shuffle of 0…N−1), zero-padded to equal length.',
  defaults: () => ({ ...DEFAULT_NAIVE_PARAMS }),
  assign(input, params) {
    const n = input.texts.length;
    const width = digitCount(n - 1);
    const numbers = shuffled(
      Array.from({ length: n }, (_, i) => i),
      createRandom(params.seed),
    );
    return {
      scheme: 'naive',
      docids: numbers.map((v) => toDigits(v, width)),
      vocab: DIGIT_VOCAB,
      params: { ...params },
    };
  },
};
