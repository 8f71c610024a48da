import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { beamSearch, DEFAULT_BEAM_SEARCH_PARAMS } from './beamSearch';
import { BOS, docidSets, EOS, modelOf, seeds, TOKENS } from './beamSearchFixtures';
import { allowedNext, buildTrie } from './trie';

const settings = fc.record({
  beamSize: fc.integer({ min: 1, max: 6 }),
  topK: fc.integer({ min: 1, max: 6 }),
  maxLength: fc.integer({ min: 1, max: 6 }),
  lengthPenalty: fc.constantFrom(0, 1),
  constrained: fc.boolean(),
});

describe('beamSearch trace', () => {
  it('calls the model once per step with every live beam batched', async () => {
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, settings, async (seqs, seed, p) => {
        const { step, prefixesSeen } = modelOf(seed);
        const { trace } = await beamSearch(step, buildTrie(seqs, EOS), p, TOKENS);
        expect(prefixesSeen).toHaveLength(trace.length);
        expect(trace.length).toBeLessThanOrEqual(p.maxLength);
        trace.forEach((s, i) => {
          expect(s.step).toBe(i);
          expect(prefixesSeen[i]).toEqual(s.beams.map((b) => [BOS, ...b.prefix]));
        });
        // The first call holds the lone empty beam; a later one holds exactly the beams kept live.
        expect(prefixesSeen[0]).toEqual([[BOS]]);
        for (let i = 1; i < trace.length; i++) {
          const live = trace[i - 1].chosen.filter((c) => c.token !== EOS);
          expect(trace[i].beams.map((b) => b.logProb)).toEqual(live.map((c) => c.logProb));
        }
      }),
    );
  });

  it('keeps at most beamSize expansions, best first, with masked mass in [0, 1]', async () => {
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, settings, async (seqs, seed, p) => {
        const { step, logProbs } = modelOf(seed);
        const trie = buildTrie(seqs, EOS);
        const { results, trace } = await beamSearch(step, trie, p, TOKENS);
        for (const s of trace) {
          expect(s.chosen.length).toBeLessThanOrEqual(p.beamSize);
          expect(s.pruned.length).toBeLessThanOrEqual(p.beamSize);
          if (s.pruned.length > 0) expect(s.chosen).toHaveLength(p.beamSize);
          const all = [...s.chosen, ...s.pruned].map((c) => c.logProb);
          expect(all).toEqual([...all].sort((a, b) => b - a));
          for (const b of s.beams) {
            const row = logProbs([BOS, ...b.prefix]);
            expect(b.allowed).toEqual(allowedNext(trie, b.prefix));
            expect(b.maskedMass).toBeGreaterThanOrEqual(0);
            expect(b.maskedMass).toBeLessThanOrEqual(1);
            const kept = b.allowed.reduce((m, t) => m + Math.exp(row[t]), 0);
            expect(b.maskedMass).toBeCloseTo(1 - kept, 5);
          }
          for (const c of [...s.chosen, ...s.pruned]) {
            const parent = s.beams[c.parent];
            expect(c.logProb).toBe(parent.logProb + logProbs([BOS, ...parent.prefix])[c.token]);
            if (p.constrained) expect(parent.allowed).toContain(c.token);
            expect(c.token).not.toBe(BOS);
          }
          const ended = s.chosen.filter((c) => c.token === EOS);
          expect(s.finished).toEqual(
            ended.map((c) => ({ tokens: s.beams[c.parent].prefix, logProb: c.logProb })),
          );
        }
        // Every result finished at some step of the trace.
        const finished = trace.flatMap((s) => s.finished);
        for (const r of results) {
          expect(finished).toContainEqual({ tokens: r.tokens, logProb: r.logProb });
        }
      }),
    );
  });

  it('records each beam’s full next-token log-probabilities, as the model gave them', async () => {
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, settings, async (seqs, seed, p) => {
        const { step, logProbs } = modelOf(seed);
        const { trace } = await beamSearch(step, buildTrie(seqs, EOS), p, TOKENS);
        for (const b of trace.flatMap((s) => s.beams)) {
          expect(b.logProbs).toHaveLength(TOKENS.vocabSize);
          expect(b.logProbs).toEqual(Array.from(logProbs([BOS, ...b.prefix])));
        }
      }),
    );
  });

  it('reports the default parameters documented on the type', () => {
    expect(DEFAULT_BEAM_SEARCH_PARAMS).toEqual({
      beamSize: 10,
      topK: 10,
      maxLength: 32,
      lengthPenalty: 0,
      constrained: true,
    });
  });
});
