import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { DEFAULT_SAMPLING_PARAMS, sampleToken, streamSeed, type SamplingParams } from './sampling';

const topK = (k: number): SamplingParams => ({
  ...DEFAULT_SAMPLING_PARAMS,
  strategy: 'top-k',
  topK: k,
});
const nucleus = (p: number): SamplingParams => ({
  ...DEFAULT_SAMPLING_PARAMS,
  strategy: 'nucleus',
  topP: p,
});

/** Probabilities of `logProbs` after the temperature, as the sampler computes them. */
function probs(logProbs: readonly number[], temperature = 1): number[] {
  const max = Math.max(...logProbs);
  const w = logProbs.map((l) => Math.exp((l - max) / temperature));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

const logits = fc.array(fc.double({ min: -8, max: 8, noNaN: true }), {
  minLength: 1,
  maxLength: 60,
});

describe('sampleToken', () => {
  const logProbs = [0.5, 2, -1, 1.2, 0, 3, -4, 1.9].map((x) => x - 2);

  it('is deterministic for a seed, and a different seed draws differently', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 50 }, () => sampleToken(logProbs, topK(5), random));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
  });

  it('never returns a token outside the top k', () => {
    fc.assert(
      fc.property(logits, fc.integer({ min: 1, max: 10 }), fc.nat(), (ls, k, seed) => {
        const t = sampleToken(ls, topK(k), createRandom(seed));
        const ps = probs(ls);
        const higher = ps.filter((x) => x > ps[t]).length;
        expect(higher).toBeLessThan(k);
      }),
    );
  });

  it('never returns a token outside the nucleus (the fewest most probable tokens with mass ≥ topP)', () => {
    fc.assert(
      fc.property(
        logits,
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        fc.nat(),
        (ls, p, temperature, seed) => {
          const params = { ...nucleus(p), temperature };
          const t = sampleToken(ls, params, createRandom(seed));
          const ps = probs(ls, temperature);
          const sorted = [...ps].sort((a, b) => b - a);
          let cum = 0;
          let smallest = sorted[sorted.length - 1];
          for (const x of sorted) {
            cum += x;
            if (cum >= p * (1 - 1e-12)) {
              smallest = x;
              break;
            }
          }
          expect(ps[t]).toBeGreaterThanOrEqual(smallest * (1 - 1e-9));
        },
      ),
    );
  });

  it('draws with the renormalised probabilities of the kept tokens', () => {
    const ls = [0.4, 0.3, 0.2, 0.1].map(Math.log);
    const random = createRandom(3);
    const count = (params: SamplingParams) => {
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < 20000; i++) counts[sampleToken(ls, params, random)]++;
      return counts.map((c) => c / 20000);
    };
    // top-2 keeps 0.4 and 0.3 → 4/7 and 3/7
    const top2 = count(topK(2));
    expect(top2[0]).toBeCloseTo(4 / 7, 1.5);
    expect(top2[1]).toBeCloseTo(3 / 7, 1.5);
    expect(top2[2] + top2[3]).toBe(0);
    // nucleus 0.85 keeps 0.4 + 0.3 + 0.2 = 0.9 → 4/9, 3/9, 2/9
    const nuc = count(nucleus(0.85));
    expect(nuc[0]).toBeCloseTo(4 / 9, 1.5);
    expect(nuc[1]).toBeCloseTo(3 / 9, 1.5);
    expect(nuc[2]).toBeCloseTo(2 / 9, 1.5);
    expect(nuc[3]).toBe(0);
    // temperature 0.5 squares the probabilities before renormalising: 16, 9, 4, 1 over 30
    const sharp = count({ ...topK(4), temperature: 0.5 });
    [16, 9, 4, 1].forEach((w, i) => expect(sharp[i]).toBeCloseTo(w / 30, 1.5));
  });

  it('never returns a banned token, even the most probable one', () => {
    fc.assert(
      fc.property(logits, fc.nat(), fc.boolean(), (ls, seed, useNucleus) => {
        fc.pre(ls.length > 2);
        const best = ls.indexOf(Math.max(...ls));
        const banned = new Set([best, 0]);
        fc.pre(banned.size < ls.length);
        const params = useNucleus ? nucleus(0.9) : topK(3);
        const t = sampleToken(ls, params, createRandom(seed), banned);
        expect(banned.has(t)).toBe(false);
      }),
    );
  });

  it('never returns an impossible token and refuses when nothing can be drawn', () => {
    const ls = [-Infinity, 0, -Infinity];
    const random = createRandom(1);
    for (let i = 0; i < 20; i++) expect(sampleToken(ls, nucleus(1), random)).toBe(1);
    expect(() => sampleToken(ls, topK(2), random, new Set([1]))).toThrow(/no token/);
    expect(() => sampleToken(ls, { ...topK(2), temperature: 0 }, random)).toThrow(RangeError);
  });
});

describe('streamSeed', () => {
  it('is stable and separates seeds, documents and samples', () => {
    expect(streamSeed(1, 2, 3)).toBe(streamSeed(1, 2, 3));
    const seeds = new Set<number>();
    for (let s = 0; s < 3; s++)
      for (let d = 0; d < 30; d++) for (let k = 0; k < 10; k++) seeds.add(streamSeed(s, d, k));
    expect(seeds.size).toBe(900);
  });
});
