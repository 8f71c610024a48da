import { describe, expect, it } from 'vitest';
import {
  fuseMethods,
  percentile,
  scoreMethods,
  timedRun,
  type MethodResults,
} from './methodComparison';
import type { Qrels } from './types';

const entries = (...ids: string[]) => ids.map((docId, i) => ({ docId, score: 1 - i / 10 }));

const a: MethodResults = {
  name: 'a',
  run: { q1: entries('d1', 'd2'), q2: entries('d3') },
  latencyMs: [1, 3],
  bytes: 100,
};
const b: MethodResults = {
  name: 'b',
  run: { q1: entries('d2', 'd4') },
  latencyMs: [2, 2],
  bytes: 50,
};

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('fuseMethods', () => {
  it('fuses per query, adds up latency and memory, and skips weight-0 methods', () => {
    const fused = fuseMethods(
      [
        { ...a, weight: 1 },
        { ...b, weight: 1 },
      ],
      { k: 60 },
      10,
    );
    // q1: d2 = 1/62 + 1/61 beats d1 = 1/61 and d4 = 1/62
    expect(fused.run.q1.map((e) => e.docId)).toEqual(['d2', 'd1', 'd4']);
    expect(fused.run.q1[0].score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused.run.q2.map((e) => e.docId)).toEqual(['d3']);
    expect(fused.latencyMs).toEqual([3, 5]);
    expect(fused.bytes).toBe(150);
    const onlyA = fuseMethods(
      [
        { ...a, weight: 1 },
        { ...b, weight: 0 },
      ],
      { k: 60 },
      1,
    );
    expect(onlyA.run.q1.map((e) => e.docId)).toEqual(['d1']);
    expect(onlyA.bytes).toBe(100);
  });
});

describe('scoreMethods', () => {
  it('scores each method on the same judged queries', () => {
    const qrels: Qrels = new Map([
      ['q1', new Map([['d2', 1]])],
      ['q2', new Map([['d3', 1]])],
    ]);
    const [sa, sb] = scoreMethods(qrels, [a, b], ['Hits@1', 'MRR@10']);
    expect(sa.mean['Hits@1']).toBe(0.5); // q1 misses at rank 1, q2 hits
    expect(sa.mean['MRR@10']).toBeCloseTo((1 / 2 + 1) / 2, 12);
    expect(sb.mean['Hits@1']).toBe(0.5); // q1 hits, q2 is missing: scores 0
    expect(sb.evaluatedQueries).toBe(2);
    expect(sa.latencyMs).toEqual({ p50: 1, p95: 3 });
  });
});

describe('timedRun', () => {
  it('keys each answer by its query and times every query', async () => {
    const out = await timedRun(
      [
        { id: 'q1', text: 'a' },
        { id: 'q2', text: 'b' },
      ],
      async (text) => entries(`${text}1`, `${text}2`),
    );
    expect(out.run.q2.map((e) => e.docId)).toEqual(['b1', 'b2']);
    expect(out.latencyMs).toHaveLength(2);
    for (const ms of out.latencyMs) expect(ms).toBeGreaterThanOrEqual(0);
  });
});
