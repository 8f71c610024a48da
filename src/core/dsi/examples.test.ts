import { describe, expect, it } from 'vitest';
import { buildExamples, lengthBuckets, makeBatch, planBatches } from './examples';
import { createRandom } from '../random';
import { trainTokenizer } from '../text/tokenizer';
import { DOCID_BOS, DOCID_EOS } from '../docids/types';

const tokenizer = trainTokenizer(
  ['the cat sat on the mat', 'dogs bark at night', 'cats and dogs'],
  {
    vocabSize: 60,
    minFrequency: 1,
  },
);

describe('DSI examples', () => {
  const sources = {
    docTexts: ['the cat sat on the mat', 'dogs bark at night'],
    queries: [{ text: 'where did the cat sit', doc: 0 }],
    pseudo: [
      { text: 'bark night', doc: 1 },
      { text: '', doc: 1 },
    ],
  };

  it('mixes indexing, query and pseudo-query examples with the given copies', () => {
    const ex = buildExamples(sources, tokenizer, 4, {
      indexing: 2,
      queries: 1,
      pseudo: 3,
      generated: 0,
    });
    expect(ex.filter((e) => e.kind === 'indexing')).toHaveLength(4);
    expect(ex.filter((e) => e.kind === 'query')).toHaveLength(1);
    expect(ex.filter((e) => e.kind === 'pseudo')).toHaveLength(3); // the empty pseudo-query is dropped
    for (const e of ex) expect(e.src.length).toBeLessThanOrEqual(4);
  });

  it('packs teacher-forcing batches: BOS + docid in, docid + EOS out, padding weighted 0', () => {
    const ex = buildExamples(sources, tokenizer, 8, {
      indexing: 1,
      queries: 0,
      pseudo: 0,
      generated: 0,
    });
    const docids = [[4, 2], [7]];
    const b = makeBatch(ex, docids, 8, 4);
    expect(b.size).toBe(2);
    expect([...b.tgtIn.slice(0, 4)]).toEqual([DOCID_BOS, 4, 2, DOCID_EOS]);
    expect([...b.targets.slice(0, 4)]).toEqual([4, 2, DOCID_EOS, DOCID_EOS]);
    expect([...b.weights.slice(0, 4)]).toEqual([1, 1, 1, 0]);
    expect([...b.tgtIn.slice(4, 8)]).toEqual([DOCID_BOS, 7, DOCID_EOS, DOCID_EOS]);
    expect([...b.weights.slice(4, 8)]).toEqual([1, 1, 0, 0]);
    expect([...b.src.slice(0, 8)]).toEqual([
      ...ex[0].src,
      ...new Array(8 - ex[0].src.length).fill(0),
    ]);
    expect(() => makeBatch(ex, [[1, 2, 3, 4], [1]], 8, 4)).toThrow(/longer than tgtLen/);
  });
});

describe('planBatches', () => {
  it('groups examples by length bucket, keeps every example once, and is seeded', () => {
    const ex = Array.from({ length: 50 }, (_, i) => ({
      kind: 'query' as const,
      src: new Array((i % 10) + 1).fill(5),
      doc: i,
    }));
    const plan = planBatches(ex, 8, lengthBuckets(10), createRandom(3));
    expect(lengthBuckets(10)).toEqual([3, 5, 8, 10]);
    expect(plan.flatMap((b) => b.examples.map((e) => e.doc)).sort((a, b) => a - b)).toEqual(
      ex.map((e) => e.doc),
    );
    for (const b of plan) {
      expect(b.examples.length).toBeLessThanOrEqual(8);
      for (const e of b.examples) expect(e.src.length).toBeLessThanOrEqual(b.srcLen);
    }
    expect(planBatches(ex, 8, [3, 5, 8, 10], createRandom(3))).toEqual(plan);
  });
});
