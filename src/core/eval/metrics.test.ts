import { describe, expect, it } from 'vitest';
import {
  evaluateRun,
  hitsAt,
  ndcgAt,
  rankLikeTrecEval,
  recallAt,
  reciprocalRankAt,
} from './metrics';
import type { Qrels, Run } from './types';

const judged = (pairs: Record<string, number>) => new Map(Object.entries(pairs));

describe('rankLikeTrecEval', () => {
  it('sorts by score, then breaks ties by document id in reverse string order', () => {
    const ranked = rankLikeTrecEval([
      { docId: 'a', score: 1 },
      { docId: 'c', score: 1 },
      { docId: 'b', score: 2 },
      { docId: 'b10', score: 1 },
    ]);
    expect(ranked).toEqual(['b', 'c', 'b10', 'a']);
  });

  it('keeps only the best-scored copy of a duplicated document', () => {
    expect(
      rankLikeTrecEval([
        { docId: 'x', score: 1 },
        { docId: 'x', score: 3 },
        { docId: 'y', score: 2 },
      ]),
    ).toEqual(['x', 'y']);
  });
});

describe('metrics on hand-computed cases', () => {
  const ranked = ['d1', 'd2', 'd3', 'd4', 'd5'];

  it('nDCG@k with graded qrels (linear gain, log2 discount)', () => {
    const q = judged({ d2: 2, d4: 1, d9: 3 });
    // DCG@5 = 2/log2(3) + 1/log2(5); IDCG@5 = 3/1 + 2/log2(3) + 1/log2(4)
    const dcg = 2 / Math.log2(3) + 1 / Math.log2(5);
    const idcg = 3 + 2 / Math.log2(3) + 1 / 2;
    expect(ndcgAt(ranked, q, 5)).toBeCloseTo(dcg / idcg, 12);
    // cut at 1: nothing relevant at rank 1
    expect(ndcgAt(ranked, q, 1)).toBe(0);
  });

  it('nDCG is 1 for the ideal ranking and ignores non-relevant grades', () => {
    const q = judged({ d1: 2, d2: 1, d3: 0 });
    expect(ndcgAt(ranked, q, 10)).toBeCloseTo(1, 12);
    expect(ndcgAt(['d3', 'd1', 'd2'], q, 10)).toBeCloseTo(
      (2 / Math.log2(3) + 1 / 2) / (2 + 1 / Math.log2(3)),
      12,
    );
  });

  it('Recall@k counts every relevant document, including ones never retrieved', () => {
    const q = judged({ d2: 1, d5: 1, d7: 1, d3: 0 });
    expect(recallAt(ranked, q, 2)).toBeCloseTo(1 / 3, 12);
    expect(recallAt(ranked, q, 5)).toBeCloseTo(2 / 3, 12);
    expect(recallAt(ranked, q, 100)).toBeCloseTo(2 / 3, 12);
  });

  it('MRR@k and Hits@k look at the first relevant document only, within the cut-off', () => {
    const q = judged({ d3: 1, d4: 2 });
    expect(reciprocalRankAt(ranked, q, 10)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRankAt(ranked, q, 2)).toBe(0);
    expect(hitsAt(ranked, q, 1)).toBe(0);
    expect(hitsAt(ranked, q, 3)).toBe(1);
  });
});

describe('evaluateRun', () => {
  const qrels: Qrels = new Map([
    ['q1', judged({ a: 1 })],
    ['q2', judged({ b: 1, c: 1 })],
    ['q3', judged({ z: 0 })], // no relevant document: not evaluated
    ['q4', judged({ d: 1 })], // missing from the run: counts 0
  ]);
  const run: Run = new Map([
    [
      'q1',
      [
        { docId: 'x', score: 2 },
        { docId: 'a', score: 1 },
      ],
    ],
    [
      'q2',
      [
        { docId: 'c', score: 5 },
        { docId: 'b', score: 5 },
      ],
    ], // tie: 'c' ranks before 'b'
    ['q3', [{ docId: 'z', score: 1 }]],
    ['q99', [{ docId: 'a', score: 1 }]], // no qrels: ignored
  ]);

  it('averages over queries with relevant documents and zero-fills missing ones', () => {
    const res = evaluateRun(qrels, run, ['MRR@10', 'Hits@1', 'Recall@1', 'nDCG@10']);
    expect(res.evaluatedQueries).toBe(3);
    expect(res.missingFromRun).toBe(1);
    expect(res.perQuery.get('q1')).toEqual({
      'MRR@10': 0.5,
      'Hits@1': 0,
      'Recall@1': 0,
      'nDCG@10': 1 / Math.log2(3),
    });
    expect(res.perQuery.get('q2')!['Recall@1']).toBe(0.5);
    expect(res.perQuery.get('q2')!['nDCG@10']).toBeCloseTo(1, 12);
    expect(res.perQuery.get('q4')).toEqual({
      'MRR@10': 0,
      'Hits@1': 0,
      'Recall@1': 0,
      'nDCG@10': 0,
    });
    expect(res.mean['MRR@10']).toBeCloseTo((0.5 + 1 + 0) / 3, 12);
    expect(res.mean['Hits@1']).toBeCloseTo(1 / 3, 12);
  });

  it('rejects unknown metric names', () => {
    expect(() => evaluateRun(qrels, run, ['P@10'])).toThrow(/unknown metric/);
  });

  it('returns zeros for empty qrels', () => {
    const res = evaluateRun(new Map(), run);
    expect(res.evaluatedQueries).toBe(0);
    expect(res.mean['nDCG@10']).toBe(0);
  });
});
