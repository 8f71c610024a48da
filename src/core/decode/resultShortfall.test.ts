import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docidSets, EOS, modelOf, seeds, TOKENS } from './beamSearchFixtures';
import { diverseBeamSearch } from './diverseBeamSearch';
import { resultShortfall } from './resultShortfall';
import type { TraceEntry } from './searchTree';
import { buildTrie } from './trie';

/** A trace entry that only records what ended (the rest does not matter here). */
const ended = (step: number, group: number, ...finished: number[][]): TraceEntry => ({
  step,
  group,
  beams: [],
  chosen: [],
  pruned: [],
  finished: finished.map((tokens) => ({ tokens, logProb: -1 })),
});

describe('resultShortfall', () => {
  it('is null when enough different sequences ended', () => {
    const trace = [ended(2, 0, [1, 2], [1, 3]), ended(2, 1, [4, 0], [1, 2])];
    // three different sequences: [1,2], [1,3], [4,0]
    expect(resultShortfall(trace, 3)).toBeNull();
    expect(resultShortfall(trace, 2)).toBeNull();
  });

  it('names the groups that ended the same sequences as an earlier group', () => {
    // groups of two beams: group 2 (0-based) ends exactly group 0's docids, group 1 one of them
    const trace = [
      ended(3, 0, [3, 1, 0], [3, 1, 2]),
      ended(3, 1, [5, 0, 0], [3, 1, 2]),
      ended(3, 2, [3, 1, 2], [3, 1, 0]),
    ];
    expect(resultShortfall(trace, 6)).toEqual({
      asked: 6,
      distinct: 3,
      repeats: [
        { group: 1, earlier: 0, sequences: [[3, 1, 2]] },
        {
          group: 2,
          earlier: 0,
          sequences: [
            [3, 1, 0],
            [3, 1, 2],
          ],
        },
      ],
    });
  });

  it('has no repeats when the search simply ended too few sequences', () => {
    const plain = [ended(1, 0, [7]), ended(2, 0, [1, 2])];
    expect(resultShortfall(plain, 5)).toEqual({ asked: 5, distinct: 2, repeats: [] });
  });

  it('reads plain beam search traces (no group) as group 0', () => {
    const plain: TraceEntry[] = [{ ...ended(1, 0, [7]), group: undefined }];
    expect(resultShortfall(plain, 2)?.distinct).toBe(1);
  });

  it('accounts for every missing result of diverse beam search', async () => {
    await fc.assert(
      fc.asyncProperty(
        docidSets,
        seeds,
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(0, 0.5, 5),
        async (seqs, seed, groups, width, diversityStrength) => {
          const beamSize = groups * width;
          const out = await diverseBeamSearch(
            modelOf(seed).step,
            buildTrie(seqs, EOS),
            {
              beamSize,
              topK: beamSize,
              maxLength: 6,
              lengthPenalty: 0,
              constrained: true,
              groups,
              diversityStrength,
            },
            TOKENS,
          );
          const shortfall = resultShortfall(out.trace, beamSize);
          if (out.results.length === beamSize) expect(shortfall).toBeNull();
          else {
            // the results are exactly the different sequences that ended
            expect(shortfall?.distinct).toBe(out.results.length);
            const repeated = shortfall!.repeats.flatMap((r) => r.sequences);
            for (const r of shortfall!.repeats) expect(r.earlier).toBeLessThan(r.group);
            // each repeat names a sequence that is among the results
            const results = new Set(out.results.map((r) => r.tokens.join(',')));
            for (const s of repeated) expect(results.has(s.join(','))).toBe(true);
          }
        },
      ),
    );
  });

  it('finds the copies when groups decode without a diversity penalty', async () => {
    // λ = 0: three identical groups of two beams end the same two docids
    const seqs = [
      [0, 1],
      [0, 2],
      [1, 0],
      [2, 3],
      [3, 3],
    ];
    const out = await diverseBeamSearch(
      modelOf(7).step,
      buildTrie(seqs, EOS),
      {
        beamSize: 6,
        topK: 6,
        maxLength: 6,
        lengthPenalty: 0,
        constrained: true,
        groups: 3,
        diversityStrength: 0,
      },
      TOKENS,
    );
    const shortfall = resultShortfall(out.trace, 6)!;
    expect(shortfall.distinct).toBe(out.results.length);
    expect(shortfall.distinct).toBeLessThan(6);
    expect(shortfall.repeats.map((r) => [r.group, r.earlier])).toEqual([
      [1, 0],
      [2, 0],
    ]);
    const first = out.results.map((r) => r.tokens.join(',')).sort();
    for (const r of shortfall.repeats)
      expect(r.sequences.map((s) => s.join(',')).sort()).toEqual(first);
  });
});
