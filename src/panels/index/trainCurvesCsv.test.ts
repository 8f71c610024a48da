import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { trainCurvesCsv } from './trainCurvesCsv';

describe('trainCurvesCsv', () => {
  it('writes a row per step and per evaluation, with every metric recorded', () => {
    const csv = trainCurvesCsv(
      [2.5, 2],
      [2.5, 2.45],
      [
        { step: 1, epoch: 1, queries: 9, metrics: { 'Hits@1': 0.25, 'Hits@10': 0.5 } },
        { step: 2, epoch: 2, queries: 9, metrics: { 'Hits@1': 0.5 } },
      ],
    );
    expect(Papa.parse<string[]>(csv.trim()).data).toEqual([
      ['kind', 'step', 'epoch', 'loss', 'smoothedLoss', 'Hits@1', 'Hits@10'],
      ['step', '1', '', '2.5', '2.5', '', ''],
      ['step', '2', '', '2', '2.45', '', ''],
      ['eval', '1', '1', '', '', '0.25', '0.5'],
      ['eval', '2', '2', '', '', '0.5', ''],
    ]);
  });
});
