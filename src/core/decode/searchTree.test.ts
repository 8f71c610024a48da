import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { beamSearch } from './beamSearch';
import { docidSets, EOS, modelOf, seeds, TOKENS } from './beamSearchFixtures';
import { diverseBeamSearch } from './diverseBeamSearch';
import {
  beamOfPrefix,
  beamsAtStep,
  buildSearchTree,
  distinctTopClusters,
  ROOT_ID,
  type TraceEntry,
} from './searchTree';
import { buildTrie } from './trie';

const params = { beamSize: 3, topK: 3, maxLength: 8, lengthPenalty: 0, constrained: true };

describe('buildSearchTree', () => {
  it('ends each returned result in a leaf, ranked as returned, with its path marked', async () => {
    await fc.assert(
      fc.asyncProperty(docidSets, seeds, async (seqs, seed) => {
        const { step } = modelOf(seed);
        const out = await beamSearch(step, buildTrie(seqs, EOS), params, TOKENS);
        const tree = buildSearchTree(out.trace, out.results, EOS);
        const leaves = [...tree.nodes.values()]
          .filter((n) => n.resultRank !== undefined)
          .sort((a, b) => a.resultRank! - b.resultRank!);
        expect(leaves.map((l) => l.tokens)).toEqual(out.results.map((r) => r.tokens));
        for (const leaf of leaves) {
          expect(leaf.status).toBe('finished');
          expect(leaf.logProb).toBeCloseTo(out.results[leaf.resultRank!].logProb, 10);
          // walk up: every ancestor is kept (or the root) and on a result path
          for (let n = leaf; n.parent !== null; n = tree.nodes.get(n.parent)!) {
            const parent = tree.nodes.get(n.parent)!;
            expect(parent.onResultPath).toBe(true);
            expect(['kept', 'root']).toContain(parent.status);
            expect(parent.step).toBeLessThan(n.step);
          }
        }
      }),
    );
  });

  it('gives each node its step probability: exp of the cumulative log-prob difference', async () => {
    const { step } = modelOf(7);
    const trie = buildTrie(
      [
        [1, 2],
        [1, 3],
        [4, 2],
      ],
      EOS,
    );
    const out = await beamSearch(step, trie, params, TOKENS);
    const tree = buildSearchTree(out.trace, out.results, EOS);
    for (const node of tree.nodes.values()) {
      if (node.parent === null) continue;
      const parent = tree.nodes.get(node.parent)!;
      expect(node.stepProb).toBeCloseTo(Math.exp(node.logProb - parent.logProb), 10);
      expect(node.stepProb).toBeGreaterThan(0);
      expect(node.stepProb).toBeLessThanOrEqual(1);
    }
    expect(tree.nodes.get(ROOT_ID)!.status).toBe('root');
    expect(tree.steps).toBe(out.trace.length);
    expect(tree.groups).toBe(1);
  });

  it('keeps a prefix that one group kept and another pruned, and lists the groups', () => {
    const beams = [{ prefix: [], logProb: 0, allowed: [1, 2], maskedMass: 0 }];
    const trace: TraceEntry[] = [
      {
        step: 0,
        group: 0,
        beams,
        chosen: [{ parent: 0, token: 1, logProb: -0.1 }],
        pruned: [{ parent: 0, token: 2, logProb: -2 }],
        finished: [],
      },
      {
        step: 0,
        group: 1,
        beams,
        chosen: [{ parent: 0, token: 2, logProb: -2 }],
        pruned: [{ parent: 0, token: 1, logProb: -0.1 }],
        finished: [],
      },
    ];
    const tree = buildSearchTree(trace, [], EOS);
    expect(tree.nodes.get('1')).toMatchObject({ status: 'kept', groups: [0, 1] });
    expect(tree.nodes.get('2')).toMatchObject({ status: 'kept', groups: [1, 0] });
    expect(tree.groups).toBe(2);
    expect(tree.nodes.get(ROOT_ID)!.onResultPath).toBe(false);
  });

  it('colours diverse searches by group and finds each live beam again', async () => {
    const seqs = [
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
      [3, 1],
    ];
    const { step } = modelOf(3);
    const out = await diverseBeamSearch(
      step,
      buildTrie(seqs, EOS),
      { ...params, beamSize: 4, topK: 4, groups: 2, diversityStrength: 2 },
      TOKENS,
    );
    const tree = buildSearchTree(out.trace, out.results, EOS);
    expect(tree.groups).toBe(2);
    const kept = [...tree.nodes.values()].filter((n) => n.status === 'kept');
    expect(new Set(kept.flatMap((n) => n.groups))).toEqual(new Set([0, 1]));
    const first = beamsAtStep(out.trace, 1);
    expect(first.length).toBeGreaterThan(0);
    for (const b of first) {
      expect(beamOfPrefix(out.trace, b.prefix)?.logProbs).toEqual(b.logProbs);
    }
    expect(beamOfPrefix(out.trace, [9, 9])).toBeUndefined();
  });
});

describe('distinctTopClusters', () => {
  it('counts the different first tokens', () => {
    expect(distinctTopClusters([{ tokens: [1, 2] }, { tokens: [1, 3] }, { tokens: [4] }])).toBe(2);
    expect(distinctTopClusters([])).toBe(0);
  });
});
