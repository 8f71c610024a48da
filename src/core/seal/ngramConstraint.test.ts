import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beamSearch } from '../decode/beamSearch';
import { diverseBeamSearch } from '../decode/diverseBeamSearch';
import { createSeededStepFn } from '../decode/seededStepFn';
import { ngramConstraint } from './ngramConstraint';
import { buildNgramIndex, countOf } from './ngramIndex';

/** Does `ngram` occur inside one of `docs`? (brute force) */
function occurs(docs: readonly number[][], ngram: readonly number[]): boolean {
  return docs.some((d) =>
    d.some(
      (_, start) => start + ngram.length <= d.length && ngram.every((t, i) => d[start + i] === t),
    ),
  );
}

/** Tokens that follow `ngram` somewhere in `docs`, ascending (brute force). */
function followers(docs: readonly number[][], ngram: readonly number[]): number[] {
  const out = new Set<number>();
  for (const d of docs) {
    for (let s = 0; s + ngram.length < d.length; s++) {
      if (ngram.every((t, i) => d[s + i] === t)) out.add(d[s + ngram.length]);
    }
  }
  return [...out].sort((a, b) => a - b);
}

const ALPHABET = 6;
const EOS = ALPHABET;
const tokens = { eos: EOS, bos: ALPHABET + 1, vocabSize: ALPHABET + 2 };
const corpus = fc.array(fc.array(fc.integer({ min: 0, max: ALPHABET - 1 }), { maxLength: 20 }), {
  minLength: 1,
  maxLength: 8,
});

describe('ngramConstraint', () => {
  it('allows after any prefix exactly the brute-force next tokens, and EOS once it holds a token', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 6 }), (docs, maxTokens) => {
        const c = ngramConstraint(buildNgramIndex(docs), EOS, { minTokens: 1, maxTokens });
        const visit = (state: number, prefix: number[]) => {
          const next = prefix.length >= maxTokens ? [] : followers(docs, prefix);
          const expected = prefix.length === 0 ? next : [...next, EOS];
          expect(Array.from(c.allowed(state))).toEqual(expected);
          expect(c.countOf(state)).toBe(
            prefix.length === 0 ? docs.flat().length : countOf(buildNgramIndex(docs), prefix),
          );
          for (const t of next) visit(c.child(state, t), [...prefix, t]);
        };
        visit(c.root, []);
      }),
      { numRuns: 60 },
    );
  });

  it('beam search under it only ever writes n-grams of the corpus (plain and diverse)', async () => {
    await fc.assert(
      fc.asyncProperty(
        corpus,
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 4 }),
        async (docs, seed, groups) => {
          const index = buildNgramIndex(docs);
          const step = createSeededStepFn({ seed, vocabSize: tokens.vocabSize, sharpness: 3 });
          const params = {
            beamSize: 4 * groups,
            topK: 4 * groups,
            maxLength: 6,
            lengthPenalty: 0,
            constrained: true,
          };
          const make = () => ngramConstraint(index, EOS, { minTokens: 1, maxTokens: 5 });
          const plain = await beamSearch(step, make(), params, tokens);
          const diverse = await diverseBeamSearch(
            step,
            make(),
            { ...params, groups, diversityStrength: 1 },
            tokens,
          );
          for (const r of [...plain.results, ...diverse.results]) {
            expect(r.tokens.length).toBeGreaterThan(0);
            expect(r.tokens.length).toBeLessThanOrEqual(5);
            expect(occurs(docs, r.tokens)).toBe(true);
          }
          for (const entry of [...plain.trace, ...diverse.trace]) {
            for (const beam of entry.beams) expect(occurs(docs, beam.prefix)).toBe(true);
          }
          if (docs.flat().length > 0) expect(plain.results.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('starts n-grams only with the given start tokens', () => {
    const c = ngramConstraint(buildNgramIndex([[1, 2, 3, 1]]), EOS, {
      minTokens: 1,
      maxTokens: 4,
      startTokens: new Set([1, 3]),
    });
    expect(Array.from(c.allowed(c.root))).toEqual([1, 3]);
    expect(c.child(c.root, 2)).toBeLessThan(0);
    expect(Array.from(c.allowed(c.child(c.root, 1)))).toEqual([2, EOS]);
  });

  it('refuses EOS before any token, tokens past the longest n-gram, and unknown states', () => {
    const c = ngramConstraint(buildNgramIndex([[1, 2, 3]]), EOS, { minTokens: 1, maxTokens: 2 });
    expect(c.child(c.root, EOS)).toBeLessThan(0);
    const s2 = c.child(c.child(c.root, 1), 2);
    expect(Array.from(c.allowed(s2))).toEqual([EOS]);
    expect(c.child(s2, 3)).toBeLessThan(0);
    const end = c.child(s2, EOS);
    expect(Array.from(c.allowed(end))).toEqual([]);
    expect(c.docOf(end)).toBeUndefined();
    expect(Array.from(c.allowed(-1))).toEqual([]);
    expect(() => c.checkTokens(8, 3)).toThrow(/token 3/);
    expect(() => c.checkTokens(5, 7)).toThrow(/eos 6/);
    expect(() => c.checkTokens(8, 7)).not.toThrow();
  });
});
