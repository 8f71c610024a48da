import { describe, expect, it } from 'vitest';
import { buildBM25Index } from '../lexical/bm25';
import {
  bm25RankOf,
  DEFAULT_QUERY_FILTER_PARAMS,
  filterGenerated,
  keptFraction,
  type RankOf,
} from './filter';

const docs = [
  'Volcanoes erupt lava and ash from a magma chamber beneath the crater.',
  'Whales are marine mammals; the blue whale is the largest animal in the ocean.',
  'A violin is a string instrument played with a bow in the orchestra.',
  'Glaciers are slow rivers of ice that carve valleys in the mountains.',
];
const index = buildBM25Index(docs.map((text) => ({ text })));

describe('filterGenerated with BM25', () => {
  const generated = [
    { doc: 0, text: 'what comes out of a volcano crater' }, // volcano doc first
    { doc: 1, text: 'largest animal in the ocean' }, // whale doc first
    { doc: 2, text: 'glacier ice valleys' }, // points at doc 3: violin doc not retrieved
    { doc: 3, text: 'string instrument bow' }, // points at doc 2: glacier doc not retrieved
    { doc: 0, text: 'blue whale marine mammal volcano' }, // whale doc 1st, volcano doc 2nd
  ];

  it('keeps a query when its own passage ranks within the top r', () => {
    const rankOf = bm25RankOf(index, 10);
    const top1 = filterGenerated(generated, rankOf, { maxRank: 1 });
    expect(top1.map((q) => q.rank)).toEqual([1, 1, Infinity, Infinity, 2]);
    expect(top1.map((q) => q.kept)).toEqual([true, true, false, false, false]);
    const top2 = filterGenerated(generated, rankOf, { maxRank: 2 });
    expect(top2.map((q) => q.kept)).toEqual([true, true, false, false, true]);
    expect(top2[0]).toEqual({ ...generated[0], rank: 1, kept: true });
  });

  it('reports the kept fraction', () => {
    const rankOf = bm25RankOf(index, 10);
    expect(keptFraction(filterGenerated(generated, rankOf, { maxRank: 1 }))).toBeCloseTo(2 / 5);
    expect(keptFraction(filterGenerated(generated, rankOf, DEFAULT_QUERY_FILTER_PARAMS))).toBe(
      3 / 5,
    );
    expect(keptFraction([])).toBe(0);
  });

  it('treats a passage below the search depth as not retrieved', () => {
    const shallow = bm25RankOf(index, 1);
    expect(shallow('blue whale marine mammal volcano', 0)).toBe(Infinity);
    expect(shallow('blue whale marine mammal volcano', 1)).toBe(1);
  });

  it('works with any ranker', () => {
    const rankOf: RankOf = (text) => text.length;
    const out = filterGenerated(
      [
        { doc: 0, text: 'abc' },
        { doc: 1, text: 'abcdef' },
      ],
      rankOf,
      { maxRank: 5 },
    );
    expect(out.map((q) => [q.rank, q.kept])).toEqual([
      [3, true],
      [6, false],
    ]);
  });
});
