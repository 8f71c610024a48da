import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, randomInt } from '../random';
import { suffixArray } from './suffixArray';

/** Lexicographic comparison of the suffixes at a and b; a proper prefix sorts first. */
function compareSuffixes(text: ArrayLike<number>, a: number, b: number): number {
  for (; a < text.length && b < text.length; a++, b++) {
    if (text[a] !== text[b]) return text[a] - text[b];
  }
  return text.length - a - (text.length - b);
}

function naiveSuffixArray(text: Int32Array): number[] {
  return Array.from(text, (_, i) => i).sort((a, b) => compareSuffixes(text, a, b));
}

/** Checks `sa` is a permutation of 0..n-1 with each suffix smaller than the next. */
function expectSorted(text: Int32Array, sa: Int32Array): void {
  expect(sa.length).toBe(text.length);
  const seen = new Uint8Array(text.length);
  for (const p of sa) seen[p]++;
  expect(seen.every((x) => x === 1)).toBe(true);
  for (let i = 1; i < sa.length; i++) {
    if (compareSuffixes(text, sa[i - 1], sa[i]) >= 0) {
      throw new Error(
        `Suffixes ${sa[i - 1]} and ${sa[i]} at ranks ${i - 1}, ${i} are out of order`,
      );
    }
  }
}

const randomText = (n: number, alphabet: number, seed: number) => {
  const random = createRandom(seed);
  return Int32Array.from({ length: n }, () => randomInt(random, alphabet));
};

/** A text and its alphabet size: random symbols, equal runs, or a repeated period. */
const texts = fc.oneof(
  fc
    .integer({ min: 1, max: 5 })
    .chain((k) =>
      fc.tuple(fc.array(fc.integer({ min: 0, max: k - 1 }), { maxLength: 300 }), fc.constant(k)),
    ),
  fc
    .integer({ min: 6, max: 1000 })
    .chain((k) =>
      fc.tuple(fc.array(fc.integer({ min: 0, max: k - 1 }), { maxLength: 300 }), fc.constant(k)),
    ),
  fc
    .tuple(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 30 })), {
        maxLength: 12,
      }),
    )
    .map(([runs]) => [runs.flatMap(([c, len]) => Array<number>(len).fill(c)), 4] as const),
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 7 }),
      fc.integer({ min: 0, max: 300 }),
    )
    .map(
      ([period, len]) =>
        [Array.from({ length: len }, (_, i) => period[i % period.length]), 3] as const,
    ),
);

describe('suffixArray (SA-IS)', () => {
  it('equals a naive sort of the suffixes', () => {
    fc.assert(
      fc.property(texts, ([symbols, alphabet]) => {
        const text = Int32Array.from(symbols);
        expect(Array.from(suffixArray(text, alphabet))).toEqual(naiveSuffixArray(text));
      }),
      { numRuns: 500 },
    );
  });

  it('handles empty and one-symbol texts', () => {
    expect(suffixArray(new Int32Array(0), 0)).toEqual(new Int32Array(0));
    expect(suffixArray(new Int32Array(0), 10)).toEqual(new Int32Array(0));
    expect(suffixArray(Int32Array.of(0), 1)).toEqual(Int32Array.of(0));
    expect(suffixArray(Int32Array.of(7), 8)).toEqual(Int32Array.of(0));
  });

  it('puts a proper prefix first', () => {
    // banana, with a=0 b=1 n=2: a < ana < anana < banana < na < nana
    expect(Array.from(suffixArray(Int32Array.of(1, 0, 2, 0, 2, 0), 3))).toEqual([5, 3, 1, 0, 4, 2]);
    expect(Array.from(suffixArray(Int32Array.of(0, 0, 0, 0), 1))).toEqual([3, 2, 1, 0]);
  });

  it('sorts 200k symbols from small and large alphabets', () => {
    for (const alphabet of [4, 8000]) {
      const text = randomText(200_000, alphabet, alphabet);
      expectSorted(text, suffixArray(text, alphabet));
    }
  });

  it('sorts long equal runs and periodic texts', () => {
    const same = new Int32Array(100_000);
    const expected = Int32Array.from({ length: same.length }, (_, i) => same.length - 1 - i);
    expect(suffixArray(same, 1)).toEqual(expected);
    // A Fibonacci word: many LMS substrings repeat, so SA-IS recurses several levels.
    let [a, b] = [[0], [0, 1]];
    while (b.length < 1000) [a, b] = [b, [...b, ...a]];
    const fib = Int32Array.from(b);
    expect(Array.from(suffixArray(fib, 2))).toEqual(naiveSuffixArray(fib));
  });

  it('throws a RangeError naming the position of a symbol outside the alphabet', () => {
    expect(() => suffixArray(Int32Array.of(0, 1, 3), 3)).toThrow(RangeError);
    expect(() => suffixArray(Int32Array.of(0, 1, 3), 3)).toThrow(/position 2/);
    expect(() => suffixArray(Int32Array.of(0, -1), 3)).toThrow(/position 1/);
    expect(() => suffixArray(Int32Array.of(0), 1.5)).toThrow(RangeError);
  });
});
