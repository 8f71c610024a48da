import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { countWords } from '../text/analyzer';
import { spanCandidates } from './spans';

const take = (gen: Iterator<string>, n: number) => {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const next = gen.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
};

describe('spanCandidates', () => {
  it('cuts substrings of the text whose word counts lie within the bounds', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    const separator = fc.constantFrom(' ', ', ', '; ', '. ', ' — ', '\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer(),
        (parts, minWords, extra, seed) => {
          const text = parts.map(([w, s]) => w + s).join('');
          const n = parts.length;
          const spans = take(
            spanCandidates(text, 3, minWords, minWords + extra, createRandom(seed)),
            20,
          );
          expect(spans.length).toBeGreaterThan(0);
          for (const span of spans) {
            expect(text).toContain(span);
            const words = countWords(span);
            expect(words).toBeGreaterThanOrEqual(Math.min(minWords, n));
            expect(words).toBeLessThanOrEqual(Math.min(minWords + extra, n));
          }
        },
      ),
    );
  });

  it('keeps punctuation inside a span and trims it at the edges', () => {
    const text = '"Mercury, the smallest planet; orbits the Sun."';
    expect(take(spanCandidates(text, 3, 8, 20, createRandom(1)), 5)).toEqual([
      'Mercury, the smallest planet; orbits the Sun',
    ]);
  });

  it('yields a short document whole, once', () => {
    expect(take(spanCandidates('Red giant stars.', 3, 8, 20, createRandom(1)), 5)).toEqual([
      'Red giant stars',
    ]);
  });

  it('enumerates every window when there are no more than requested', () => {
    // 5 words, spans of 4–5 words: windows 0–3, 1–4 and the whole text.
    const spans = take(spanCandidates('one two three four five', 3, 4, 5, createRandom(1)), 10);
    expect(spans).toEqual(['one two three four', 'two three four five', 'one two three four five']);
  });

  it('yields nothing for text without words', () => {
    expect(take(spanCandidates(' ... — ', 3, 8, 20, createRandom(1)), 5)).toEqual([]);
  });
});
