import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { MethodScore } from './methodComparison';
import { perQueryCsv, scoresToCsv, scoresToMarkdown, TABLE_METRICS } from './tableExport';

const metrics = {
  'Hits@1': 0.5,
  'Hits@10': 1,
  'MRR@10': 0.75,
  'nDCG@10': 0.81549,
  'Recall@100': 1,
};
const score: MethodScore = {
  name: 'Fusion (RRF, k=60)',
  mean: metrics,
  perQuery: new Map([
    ['q1', { ...metrics, 'Hits@1': 1 }],
    ['q2', { ...metrics, 'Hits@1': 0 }],
  ]),
  evaluatedQueries: 2,
  latencyMs: { p50: 1.23456, p95: 2 },
  bytes: 1024,
};

describe('Evaluate table exports', () => {
  it('CSV quotes names with commas and keeps four decimals', () => {
    const rows = Papa.parse<string[]>(scoresToCsv([score]).trim()).data;
    expect(rows[0]).toEqual([
      'method',
      ...TABLE_METRICS,
      'queries',
      'memoryBytes',
      'msP50',
      'msP95',
    ]);
    expect(rows[1]).toEqual([
      'Fusion (RRF, k=60)',
      '0.5',
      '1',
      '0.75',
      '0.8155',
      '1',
      '2',
      '1024',
      '1.235',
      '2',
    ]);
  });

  it('Markdown has a caption, a header, a rule and one row per method', () => {
    const md = scoresToMarkdown([score], 'genir-demo, test split').split('\n');
    expect(md[0]).toBe('genir-demo, test split');
    expect(md[2]).toMatch(/^\| method \| Hits@1 .* msP95 \|$/);
    expect(md[3]).toBe('|---|---|---|---|---|---|---|---|---|---|');
    expect(md[4]).toBe(
      '| Fusion (RRF, k=60) | 0.5 | 1 | 0.75 | 0.8155 | 1 | 2 | 1024 | 1.235 | 2 |',
    );
  });

  it('per-query CSV has one row per query and method, in query order', () => {
    const rows = Papa.parse<string[]>(
      perQueryCsv(
        [score],
        [
          { id: 'q2', text: 'second, "quoted"' },
          { id: 'q1', text: 'first' },
          { id: 'q9', text: 'not judged' },
        ],
      ).trim(),
    ).data;
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['queryId', 'query', 'Hits@1'],
      ['q2', 'second, "quoted"', '0'],
      ['q1', 'first', '1'],
    ]);
  });
});
