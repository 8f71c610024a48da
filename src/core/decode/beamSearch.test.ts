import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  beamSearch,
  compareTokens,
  DEFAULT_BEAM_SEARCH_PARAMS,
  normalisedScore,
  type BeamSearchParams,
} from './beamSearch';
import {
  alphas,
  BOS,
  docidSets,
  EOS,
  exhaustiveRanking,
  greedy,
  modelOf,
  pathLogProb,
  peakedStep,
  seeds,
  TOKENS,
} from './beamSearchFixtures';
import { buildTrie, lookup } from './trie';

const params = (p: Partial<BeamSearchParams>): BeamSearchParams => ({
  ...DEFAULT_BEAM_SEARCH_PARAMS,
  ...p,
});

describe('beamSearch against brute force', () => {
  it('with beamSize ≥ docids, returns the exhaustive ranking of all docids', async () => {
    await fc.assert(
      fc.asyncProperty(
        docidSets,
        seeds,
        alphas,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 20 }),
        async (seqs, seed, alpha, extra, topK) => {
          const { step, logProbs } = modelOf(seed);
          const beamSize = seqs.length + extra;
          const out = await beamSearch(
            step,
            buildTrie(seqs, EOS),
            params({ beamSize, topK, lengthPenalty: alpha }),
            TOKENS,
          );
          const expected = exhaustiveRanking(seqs, logProbs, alpha);
          expect(out.results).toEqual(expected.slice(0, Math.min(topK, beamSize)));
        },
      ),
    );
  });

  it('constrained results are valid docids, sorted, scored by their path log-prob', async () => {
    await fc.assert(
      fc.asyncProperty(
        docidSets,
        seeds,
        alphas,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        async (seqs, seed, alpha, beamSize, topK) => {
          const { step, logProbs } = modelOf(seed);
          const trie = buildTrie(seqs, EOS);
          const { results } = await beamSearch(
            step,
            trie,
            params({ beamSize, topK, lengthPenalty: alpha }),
            TOKENS,
          );
          // Fewer docids than topK: all of them come back.
          expect(results).toHaveLength(Math.min(topK, beamSize, seqs.length));
          for (const r of results) {
            expect(r.doc).toBeDefined();
            expect(lookup(trie, r.tokens)).toBe(r.doc);
            expect(r.logProb).toBe(pathLogProb(logProbs, r.tokens));
            expect(r.score).toBe(normalisedScore(r.logProb, r.tokens.length + 1, alpha));
          }
          for (let i = 1; i < results.length; i++) {
            const [a, b] = [results[i - 1], results[i]];
            expect(
              a.score > b.score || (a.score === b.score && compareTokens(a.tokens, b.tokens) < 0),
            ).toBe(true);
          }
        },
      ),
    );
  });

  it('beamSize 1 is greedy constrained decoding', async () => {
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, async (seqs, seed) => {
        const { step, logProbs } = modelOf(seed);
        const trie = buildTrie(seqs, EOS);
        const { results } = await beamSearch(step, trie, params({ beamSize: 1 }), TOKENS);
        expect(results.map((r) => r.tokens)).toEqual([greedy(trie, logProbs)]);
      }),
    );
  });

  it('unconstrained results are scored the same way, with doc = trie lookup', async () => {
    await fc.assert(
      fc.asyncProperty(
        docidSets,
        seeds,
        fc.integer({ min: 1, max: 6 }),
        async (seqs, seed, beamSize) => {
          const { step, logProbs } = modelOf(seed);
          const trie = buildTrie(seqs, EOS);
          const { results } = await beamSearch(
            step,
            trie,
            params({ beamSize, maxLength: 6, constrained: false }),
            TOKENS,
          );
          for (const r of results) {
            expect(r.tokens.every((t) => t !== BOS && t !== EOS)).toBe(true);
            expect(r.doc).toBe(lookup(trie, r.tokens));
            expect(r.logProb).toBe(pathLogProb(logProbs, r.tokens));
          }
        },
      ),
    );
  });
});

describe('beamSearch behaviour', () => {
  const trie = buildTrie(
    [
      [1, 2],
      [3, 3],
    ],
    EOS,
  );
  // The model wants "7" then EOS, which is no docid.
  const wants7 = peakedStep((p) => (p.length === 0 ? 7 : p.length === 1 ? EOS : undefined));

  it('unconstrained decoding can return a sequence that is not a docid', async () => {
    const free = await beamSearch(
      wants7,
      trie,
      params({ constrained: false, maxLength: 4 }),
      TOKENS,
    );
    expect(free.results[0]).toMatchObject({ tokens: [7], doc: undefined });
    const held = await beamSearch(wants7, trie, params({}), TOKENS);
    expect(held.results.map((r) => r.doc).sort()).toEqual([0, 1]);
    // Constrained, the first step removed nearly all the mass (the model's "7").
    expect(held.trace[0].beams[0].maskedMass).toBeGreaterThan(0.99);
    expect(free.trace[0].beams[0].allowed).toEqual([1, 3]);
  });

  it('stops once the topK-th finished sequence beats every live beam', async () => {
    const long = buildTrie([[1], [2, 2, 2, 2, 2, 2]], EOS);
    const wants1 = peakedStep((p) => (p.length === 0 ? 1 : p[0] === 1 ? EOS : undefined));
    let calls = 0;
    const counted: typeof wants1 = (prefixes) => (calls++, wants1(prefixes));
    const early = await beamSearch(counted, long, params({ beamSize: 2, topK: 1 }), TOKENS);
    expect(early.results.map((r) => r.tokens)).toEqual([[1]]);
    expect(calls).toBe(2);
    // With length normalisation nothing can be ruled out early: it runs until the beams run out.
    calls = 0;
    const all = await beamSearch(
      counted,
      long,
      params({ beamSize: 2, topK: 2, lengthPenalty: 1 }),
      TOKENS,
    );
    expect(all.results).toHaveLength(2);
    expect(calls).toBe(7);
  });

  it('drops sequences that have not ended by maxLength', async () => {
    const mixed = buildTrie([[1, 2, 3], [4]], EOS);
    const { step } = modelOf(1);
    const out = await beamSearch(step, mixed, params({ maxLength: 2 }), TOKENS);
    expect(out.results.map((r) => r.tokens)).toEqual([[4]]);
    expect(out.trace.length).toBeLessThanOrEqual(2);
    expect((await beamSearch(step, mixed, params({ maxLength: 1 }), TOKENS)).results).toEqual([]);
  });

  it('breaks ties by token sequence', async () => {
    const flat = peakedStep(() => undefined);
    const ties = buildTrie(
      [
        [1, 0],
        [0, 2],
        [0, 1],
      ],
      EOS,
    );
    const { results } = await beamSearch(flat, ties, params({ beamSize: 2 }), TOKENS);
    expect(results.map((r) => r.tokens)).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });

  it('clamps topK to beamSize and decodes nothing from an empty trie', async () => {
    const { step, prefixesSeen } = modelOf(3);
    const many = buildTrie([[0], [1], [2], [3], [4], [5]], EOS);
    const { results } = await beamSearch(step, many, params({ beamSize: 3, topK: 10 }), TOKENS);
    expect(results).toHaveLength(3);
    const seen = prefixesSeen.length;
    expect((await beamSearch(step, buildTrie([], EOS), params({}), TOKENS)).results).toEqual([]);
    expect(prefixesSeen).toHaveLength(seen);
  });

  it('rejects bad parameters and malformed model output', async () => {
    const { step } = modelOf(0);
    await expect(beamSearch(step, trie, params({ beamSize: 0 }), TOKENS)).rejects.toThrow(
      /beamSize/,
    );
    await expect(beamSearch(step, trie, params({ maxLength: 0 }), TOKENS)).rejects.toThrow(
      /maxLength/,
    );
    await expect(beamSearch(step, trie, params({}), { ...TOKENS, eos: 9 })).rejects.toThrow(/eos/);
    const short = () => Promise.resolve([new Float32Array(3)]);
    await expect(beamSearch(short, trie, params({}), TOKENS)).rejects.toThrow(/vocabSize/);
    const none = () => Promise.resolve([]);
    await expect(beamSearch(none, trie, params({}), TOKENS)).rejects.toThrow(/rows/);
  });
});
