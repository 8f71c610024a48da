import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../core/corpus/types';
import { fuseColumns, rankedListsCsv, relevantFor, sharedDocColours } from './compareLists';

const hits = (...ids: string[]) => ids.map((docId, i) => ({ docId, score: 10 - i }));

describe('sharedDocColours', () => {
  it('colours only documents in two or more lists, in order of first appearance', () => {
    const colours = sharedDocColours([hits('a', 'b', 'c'), hits('c', 'd'), hits('e', 'a')]);
    expect([...colours.keys()]).toEqual(['a', 'c']);
    expect(colours.get('a')).not.toBe(colours.get('c'));
  });
});

describe('fuseColumns', () => {
  it('ranks by weighted reciprocal rank and drops methods with weight 0', () => {
    const lists = { generative: hits('a', 'b'), dense: hits('b', 'c'), bm25: hits('c', 'a') };
    const fused = fuseColumns(lists, { generative: 1, dense: 1, bm25: 1 }, 60, 10);
    // a: 1/61 + 1/62, b: 1/62 + 1/61, c: 1/62 + 1/61 — all tie; ties by best rank then id
    expect(fused.map((h) => h.docId)).toEqual(['a', 'b', 'c']);
    expect(fused[0].score).toBeCloseTo(1 / 61 + 1 / 62, 12);
    const noBm25 = fuseColumns(lists, { generative: 1, dense: 1, bm25: 0 }, 60, 2);
    expect(noBm25.map((h) => h.docId)).toEqual(['b', 'a']);
  });
});

describe('relevantFor', () => {
  it('finds the judged documents of a question typed exactly', () => {
    const corpus = {
      queries: [{ id: 'q1', text: 'why is the sky blue' }],
      qrels: {
        test: new Map([
          [
            'q1',
            new Map([
              ['d1', 1],
              ['d2', 0],
            ]),
          ],
        ]),
      },
    } as unknown as Corpus;
    expect([...relevantFor(corpus, ' why is the sky blue ')]).toEqual(['d1']);
    expect(relevantFor(corpus, 'something else').size).toBe(0);
  });
});

describe('rankedListsCsv', () => {
  it('writes one row per method and rank, with titles, scores and relevance marks', () => {
    const csv = rankedListsCsv(
      'hot, dry "planet"',
      [
        {
          method: 'BM25',
          hits: [
            { docId: 'd2', score: 11.5 },
            { docId: 'd1', score: 3 },
          ],
        },
        { method: 'Fusion (RRF)', hits: [{ docId: 'd1', score: 0.03 }] },
      ],
      (id) => (id === 'd1' ? 'Venus, the planet' : 'Mars'),
      new Set(['d1']),
    );
    expect(Papa.parse<string[]>(csv.trim()).data).toEqual([
      ['query', 'method', 'rank', 'docId', 'title', 'score', 'relevant'],
      ['hot, dry "planet"', 'BM25', '1', 'd2', 'Mars', '11.5', '0'],
      ['hot, dry "planet"', 'BM25', '2', 'd1', 'Venus, the planet', '3', '1'],
      ['hot, dry "planet"', 'Fusion (RRF)', '1', 'd1', 'Venus, the planet', '0.03', '1'],
    ]);
  });
});
