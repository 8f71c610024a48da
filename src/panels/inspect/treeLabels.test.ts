import { describe, expect, it } from 'vitest';
import type { SearchTreeNode } from '../../core/decode/searchTree';
import { DIGIT_VOCAB, docidVocab } from '../../core/docids/types';
import { beamSearch } from '../../core/decode/beamSearch';
import { EOS, modelOf, TOKENS } from '../../core/decode/beamSearchFixtures';
import { buildSearchTree } from '../../core/decode/searchTree';
import { buildTrie } from '../../core/decode/trie';
import { layoutSearchTree, LEVEL_GAP } from './treeLayout';
import {
  badgeText,
  CIRCLE,
  halfWidth,
  LABEL_X,
  labelReach,
  labelTree,
  nodeLabel,
  textWidth,
  topLine,
} from './treeLabels';

const node = (over: Partial<SearchTreeNode>): SearchTreeNode => ({
  id: '3',
  parent: '',
  tokens: [3],
  token: 3,
  step: 0,
  logProb: Math.log(0.42),
  stepProb: 0.42,
  status: 'kept',
  groups: [0],
  resultRank: undefined,
  onResultPath: false,
  ...over,
});

const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-');

describe('nodeLabel', () => {
  it('writes a prefix as its token, its chance in % and its cumulative log p', () => {
    // log(0.42) = -0.8675
    const l = nodeLabel(node({}), DIGIT_VOCAB, undefined);
    expect(l.inside).toBe('3');
    expect(l.head).toBe('');
    expect(plain(l.rest)).toBe('42 %');
    expect(plain(l.bottom)).toBe('log p -0.87');
  });

  it('never writes ".00": tiny chances read "<1 %", near-certain prefixes keep two digits', () => {
    const l = nodeLabel(
      node({ stepProb: 0.003, logProb: Math.log(0.9958), status: 'pruned' }),
      DIGIT_VOCAB,
      undefined,
    );
    expect(plain(l.rest)).toBe('<1 %');
    expect(plain(l.bottom)).toBe('log p -0.0042');
  });

  it('calls the root "start" and an ended docid "end", with its rank, docid and title', () => {
    expect(nodeLabel(node({ status: 'root', token: null }), DIGIT_VOCAB, undefined).inside).toBe(
      'start',
    );
    const leaf = nodeLabel(
      node({
        id: '3,1,0|eos',
        tokens: [3, 1, 0],
        token: DIGIT_VOCAB.eos,
        status: 'finished',
        resultRank: 0,
        logProb: -1.2345,
      }),
      DIGIT_VOCAB,
      'Why Venus is the hottest planet in the solar system',
    );
    expect(leaf.inside).toBe('end');
    expect(plain(topLine(leaf))).toBe('#1 3-1-0 log p -1.23');
    expect(leaf.bottom).toBe('Why Venus is the hottest pl…');
  });

  it('writes a long token beside its node, cut short', () => {
    const vocab = docidVocab(['astronomy-0001', 'b'], '');
    const l = nodeLabel(node({ token: 0, tokens: [0] }), vocab, undefined);
    expect(l.inside).toBe('');
    expect(l.head).toBe('astrono…');
  });
});

describe('labelReach', () => {
  it('covers the longer line and the badge after the top line', () => {
    const l = nodeLabel(node({}), DIGIT_VOCAB, undefined);
    const bare = labelReach(l, '');
    expect(bare).toBe(LABEL_X + textWidth(l.bottom));
    // "42 %" +n is shorter than "log p -0.87": the badge fits on the top line
    expect(labelReach(l, '+3')).toBe(bare);
    expect(labelReach(l, '+123456')).toBe(
      LABEL_X + textWidth(topLine(l)) + 6 + textWidth('+123456'),
    );
  });
});

describe('labelTree', () => {
  it('ends the drawing after the longest label and curves edges only right of the labels', async () => {
    const docids = [
      [1, 2, 0],
      [1, 2, 1],
      [1, 3, 0],
      [4, 0, 0],
      [4, 1, 0],
    ];
    const out = await beamSearch(
      modelOf(5).step,
      buildTrie(docids, EOS),
      { beamSize: 3, topK: 3, maxLength: 8, lengthPenalty: 0, constrained: true },
      TOKENS,
    );
    const layout = layoutSearchTree(buildSearchTree(out.trace, out.results, EOS), new Set(), true);
    const { labels, width, curveFrom } = labelTree(layout, DIGIT_VOCAB, () => 'A document');
    expect(labels.size).toBe(layout.nodes.length);
    let longest = 0;
    for (const p of layout.nodes) {
      const reach = labelReach(labels.get(p.node.id)!, badgeText(p.prunedChildren));
      longest = Math.max(longest, p.x + reach);
      expect(p.x + reach).toBeLessThanOrEqual(width);
      if (p.node.status === 'finished') continue;
      const from = curveFrom.get(p.x)!;
      // right of this node's label (or as far as the column allows), left of the next column
      expect(from).toBeGreaterThanOrEqual(Math.min(p.x + reach, p.x + LEVEL_GAP - 30));
      expect(from).toBeGreaterThan(p.x + halfWidth(p.node));
      expect(from).toBeLessThan(p.x + LEVEL_GAP - CIRCLE);
    }
    // no wide empty margin: the drawing ends just after the longest label
    expect(width - longest).toBeLessThan(20);
  });
});
