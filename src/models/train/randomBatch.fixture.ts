import type { Batch } from '../../core/dsi/examples';
import { createRandom, randomInt } from '../../core/random';
import type { Seq2SeqConfig } from '../seq2seq';

/**
 * For tests: `size` rows of random ids for a model shaped by `config` (padding and uneven target
 * weights included), seeded by `seed`; a uniform teacher distribution on every other row when asked.
 */
export function randomBatch(
  config: Seq2SeqConfig,
  size: number,
  seed: number,
  teacher = false,
): Batch {
  const random = createRandom(seed);
  const ids = (n: number, m: number) => Int32Array.from({ length: n }, () => randomInt(random, m));
  const weights = Float32Array.from({ length: size * config.tgtLen }, () => randomInt(random, 2));
  return {
    size,
    srcLen: config.srcLen,
    tgtLen: config.tgtLen,
    src: ids(size * config.srcLen, config.srcVocab),
    tgtIn: ids(size * config.tgtLen, config.tgtVocab),
    targets: ids(size * config.tgtLen, config.tgtVocab),
    weights,
    tokens: 0,
    teacher: teacher
      ? Float32Array.from({ length: size * config.tgtVocab }, () => 1 / config.tgtVocab)
      : undefined,
    teacherRows: teacher ? Float32Array.from({ length: size }, (_, i) => i % 2) : undefined,
  };
}
