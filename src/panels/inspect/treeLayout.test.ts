import { describe, expect, it } from 'vitest';
import { beamSearch } from '../../core/decode/beamSearch';
import { EOS, modelOf, TOKENS } from '../../core/decode/beamSearchFixtures';
import { buildSearchTree } from '../../core/decode/searchTree';
import { buildTrie } from '../../core/decode/trie';
import { LEVEL_GAP, layoutSearchTree, ROW_GAP } from './treeLayout';

const docids = [
  [1, 2, 0],
  [1, 2, 1],
  [1, 3, 0],
  [4, 0, 0],
  [4, 1, 0],
  [7, 7, 7],
];

async function search() {
  const out = await beamSearch(
    modelOf(5).step,
    buildTrie(docids, EOS),
    { beamSize: 3, topK: 3, maxLength: 8, lengthPenalty: 0, constrained: true },
    TOKENS,
  );
  return buildSearchTree(out.trace, out.results, EOS);
}

describe('layoutSearchTree', () => {
  it('places each node one column per depth, right of its parent, and hides pruned ones', async () => {
    const tree = await search();
    const layout = layoutSearchTree(tree, new Set(), false);
    const byId = new Map(layout.nodes.map((p) => [p.node.id, p]));
    expect(layout.nodes.some((p) => p.node.status === 'pruned')).toBe(false);
    expect(layout.nodes.length).toBe(
      [...tree.nodes.values()].filter((n) => n.status !== 'pruned').length,
    );
    for (const { source, target } of layout.links) {
      expect(target.x - source.x).toBe(LEVEL_GAP);
      expect(byId.get(target.node.parent!)).toBe(source);
    }
    for (const p of layout.nodes) {
      expect(p.x).toBeLessThanOrEqual(layout.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(layout.height);
    }
    const pruned = [...tree.nodes.values()].filter((n) => n.status === 'pruned').length;
    expect(layout.nodes.reduce((s, p) => s + p.prunedChildren, 0)).toBe(pruned);
  });

  it('shows the pruned expansions of an opened node, or all of them', async () => {
    const tree = await search();
    const root = layoutSearchTree(tree, new Set(['']), false);
    const rootPruned = [...tree.nodes.values()].filter(
      (n) => n.status === 'pruned' && n.parent === '',
    );
    expect(root.nodes.filter((p) => p.node.status === 'pruned')).toHaveLength(rootPruned.length);
    const all = layoutSearchTree(tree, new Set(), true);
    expect(all.nodes).toHaveLength(tree.nodes.size);
  });

  it('keeps every row of a column a full row apart, so two-line labels never overlap', async () => {
    const tree = await search();
    const layout = layoutSearchTree(tree, new Set(), true);
    const columns = new Map<number, number[]>();
    for (const p of layout.nodes) columns.set(p.x, [...(columns.get(p.x) ?? []), p.y]);
    expect(columns.size).toBeGreaterThan(1);
    for (const ys of columns.values()) {
      ys.sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(ROW_GAP);
    }
  });
});
