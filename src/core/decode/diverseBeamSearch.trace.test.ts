import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareTokens } from './beamSearch';
import { BOS, docidSets, EOS, modelOf, seeds, TOKENS, VOCAB } from './beamSearchFixtures';
import { diverseBeamSearch, type DiverseStepTrace } from './diverseBeamSearch';
import { buildTrie } from './trie';

const settings = fc.record({
  groups: fc.integer({ min: 1, max: 3 }),
  width: fc.integer({ min: 1, max: 3 }),
  topK: fc.integer({ min: 1, max: 9 }),
  maxLength: fc.integer({ min: 1, max: 6 }),
  lengthPenalty: fc.constantFrom(0, 1),
  constrained: fc.boolean(),
  diversityStrength: fc.constantFrom(0, 0.25, 0.5, 1, 5),
});

type Settings = typeof settings extends fc.Arbitrary<infer T> ? T : never;

const decode = async (seqs: number[][], seed: number, s: Settings) => {
  const model = modelOf(seed);
  const { width, ...p } = s;
  const out = await diverseBeamSearch(
    model.step,
    buildTrie(seqs, EOS),
    { ...p, beamSize: p.groups * width },
    TOKENS,
  );
  return { ...model, ...out };
};

const atStep = (trace: DiverseStepTrace[], t: number) => trace.filter((s) => s.step === t);

describe('diverseBeamSearch trace', () => {
  it('calls the model once per time step, batching every live beam of every group', async () => {
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, settings, async (seqs, seed, s) => {
        const { trace, prefixesSeen } = await decode(seqs, seed, s);
        const steps = trace.length === 0 ? 0 : trace[trace.length - 1].step + 1;
        expect(prefixesSeen).toHaveLength(steps);
        expect(steps).toBeLessThanOrEqual(s.maxLength);
        for (let t = 0; t < steps; t++) {
          const entries = atStep(trace, t);
          const groups = entries.map((e) => e.group);
          expect(groups).toEqual([...groups].sort((a, b) => a - b)); // in group order, each once
          expect(new Set(groups).size).toBe(groups.length);
          // The batch is the groups' beams, one slice per group, in that order.
          expect(prefixesSeen[t]).toEqual(
            entries.flatMap((e) => e.beams.map((b) => [BOS, ...b.prefix])),
          );
        }
        // Every group starts from the empty prefix; afterwards it is fed exactly what it kept live.
        expect(atStep(trace, 0).map((e) => e.group)).toEqual(
          Array.from({ length: steps > 0 ? s.groups : 0 }, (_, g) => g),
        );
        for (const e of trace) {
          const next = trace.find((n) => n.step === e.step + 1 && n.group === e.group);
          const live = e.chosen.filter((c) => c.token !== EOS).map((c) => c.logProb);
          if (next) expect(next.beams.map((b) => b.logProb)).toEqual(live);
          // Without the early stop (length-normalised), a group with live beams goes on.
          else if (s.lengthPenalty > 0 && e.step + 1 < s.maxLength) expect(live).toEqual([]);
        }
      }),
    );
  });

  it('each group keeps its width best expansions by log-prob minus the Hamming penalty', async () => {
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, settings, async (seqs, seed, s) => {
        const { trace, logProbs } = await decode(seqs, seed, s);
        for (const e of trace) {
          // The penalty: λ per earlier group's choice of the token at this step, EOS included.
          const counts = new Array<number>(VOCAB).fill(0);
          for (const before of atStep(trace, e.step).filter((b) => b.group < e.group)) {
            for (const c of before.chosen) counts[c.token]++;
          }
          expect(e.diversityPenalty).toEqual(counts.map((c) => s.diversityStrength * c));

          // Brute force: every expansion, ranked by penalised score, ties by token sequence.
          const all = e.beams.flatMap((b, parent) => {
            const row = logProbs([BOS, ...b.prefix]);
            const next = s.constrained ? b.allowed : [...row.keys()].filter((t) => t !== BOS);
            return next.map((token) => ({ parent, token, logProb: b.logProb + row[token] }));
          });
          const score = (c: (typeof all)[number]) => c.logProb - e.diversityPenalty[c.token];
          const seq = (c: (typeof all)[number]) => [...e.beams[c.parent].prefix, c.token];
          all.sort((a, b) => score(b) - score(a) || compareTokens(seq(a), seq(b)));
          expect(e.chosen).toEqual(all.slice(0, s.width));
          expect(e.pruned).toEqual(all.slice(s.width, 2 * s.width));
          const ended = e.chosen.filter((c) => c.token === EOS);
          expect(e.finished).toEqual(
            ended.map((c) => ({ tokens: e.beams[c.parent].prefix, logProb: c.logProb })),
          );
        }
      }),
    );
  });

  it('records each beam’s full next-token log-probabilities', async () => {
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, settings, async (seqs, seed, s) => {
        const { trace, logProbs } = await decode(seqs, seed, s);
        for (const b of trace.flatMap((e) => e.beams)) {
          expect(b.logProbs).toEqual(Array.from(logProbs([BOS, ...b.prefix])));
        }
      }),
    );
  });
});
