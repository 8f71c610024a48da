import Papa from 'papaparse';
import type { EvalPoint } from '../../models/train/trainDsi';

/**
 * A training run's curves as CSV: one row per step (the loss and its EMA-smoothed value), then
 * one row per dev evaluation (its step, epoch and every metric it recorded); `kind` says which.
 */
export function trainCurvesCsv(
  losses: readonly number[],
  smoothed: readonly number[],
  evals: readonly EvalPoint[],
): string {
  const metrics = [...new Set(evals.flatMap((e) => Object.keys(e.metrics)))];
  const rows: (string | number)[][] = [
    ['kind', 'step', 'epoch', 'loss', 'smoothedLoss', ...metrics],
  ];
  losses.forEach((loss, i) =>
    rows.push(['step', i + 1, '', loss, smoothed[i], ...metrics.map(() => '')]),
  );
  for (const e of evals)
    rows.push(['eval', e.step, e.epoch, '', '', ...metrics.map((m) => e.metrics[m] ?? '')]);
  return Papa.unparse(rows) + '\n';
}
