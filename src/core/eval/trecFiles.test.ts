import { describe, expect, it } from 'vitest';
import { scoreMethods } from './methodComparison';
import { evaluateRun } from './metrics';
import { formatTrecQrels, formatTrecRun, parseTrecRun, runTag } from './trecFiles';
import type { Qrels } from './types';

const qrels: Qrels = new Map([
  [
    'q1',
    new Map([
      ['d1', 1],
      ['d3', 2],
    ]),
  ],
  ['q2', new Map([['d2', 1]])],
  ['q3', new Map([['d9', 0]])],
]);

describe('TREC run and qrels files', () => {
  it('writes trec_eval ranks (ties by document id descending) and reads back the same run', () => {
    const run = {
      q1: [
        { docId: 'd1', score: 0.5 },
        { docId: 'd2', score: 0.9 },
        { docId: 'd3', score: 0.5 },
      ],
      q2: [{ docId: 'd2', score: -1.25e-7 }],
    };
    const text = formatTrecRun(run, runTag('Dense (dual encoder)'));
    expect(text).toBe(
      [
        'q1 Q0 d2 1 0.9 Dense_dual_encoder',
        'q1 Q0 d3 2 0.5 Dense_dual_encoder',
        'q1 Q0 d1 3 0.5 Dense_dual_encoder',
        'q2 Q0 d2 1 -1.25e-7 Dense_dual_encoder',
        '',
      ].join('\n'),
    );
    const back = parseTrecRun(text);
    expect(back.get('q2')).toEqual([{ docId: 'd2', score: -1.25e-7 }]);
    expect(evaluateRun(qrels, back).mean).toEqual(
      evaluateRun(qrels, new Map(Object.entries(run))).mean,
    );
  });

  it('a hand-scored fixture: the figures trec_eval gives, worked out by hand', () => {
    // q1 ranks d2 (0), d3 (grade 2), d1 (grade 1); q2 ranks d2 first; q3 has no relevant document
    // and is not averaged. trec_eval's gain is the grade itself. q1: RR = 1/2; nDCG@10 =
    // (2/log2(3) + 1/log2(4)) / (2/log2(2) + 1/log2(3)) = (1.261860 + 0.5) / (2 + 0.630930)
    // = 0.669672; Recall@100 = 1; Hits@1 = 0. q2: every metric 1.
    const run = parseTrecRun(
      'q1 Q0 d2 1 3.0 sys\nq1 Q0 d3 2 2.0 sys\nq1 Q0 d1 3 1.0 sys\nq2 Q0 d2 1 5 sys\n',
    );
    const { mean, evaluatedQueries } = evaluateRun(qrels, run);
    expect(evaluatedQueries).toBe(2);
    expect(mean['MRR@10']).toBeCloseTo((0.5 + 1) / 2, 6);
    expect(mean['nDCG@10']).toBeCloseTo((0.669672 + 1) / 2, 5);
    expect(mean['Recall@100']).toBe(1);
    expect(mean['Hits@1']).toBe(0.5);
    expect(mean['Hits@10']).toBe(1);
  });

  it('a run file scored by our metrics equals the Evaluate table', () => {
    const run = {
      q1: [
        { docId: 'd3', score: 2 },
        { docId: 'd7', score: 1 },
      ],
      q2: [{ docId: 'd5', score: 1 }],
    };
    const [table] = scoreMethods(qrels, [{ name: 'BM25', run, latencyMs: [1, 1], bytes: 0 }]);
    expect(evaluateRun(qrels, parseTrecRun(formatTrecRun(run, 'BM25'))).mean).toEqual(table.mean);
  });

  it('writes qrels, and refuses ids a TREC file cannot hold', () => {
    expect(formatTrecQrels(qrels)).toBe('q1 0 d1 1\nq1 0 d3 2\nq2 0 d2 1\nq3 0 d9 0\n');
    expect(() => formatTrecRun({ 'q 1': [{ docId: 'd', score: 1 }] }, 'x')).toThrow(
      /query id "q 1"/,
    );
    expect(() => parseTrecRun('q1 Q0 d1 1 high sys')).toThrow(/line 1: score "high"/);
    expect(() => parseTrecRun('q1 Q0 d1 1 sys')).toThrow(/expected 6 fields/);
  });
});
