import { useMemo } from 'react';
import { useAppStore } from '../../store/appStore';
import { downloadText } from '../../ui/download';
import { LineChart, type LineSeries } from '../../ui/LineChart';
import { trainCurvesCsv } from './trainCurvesCsv';

/** Exponential moving average (TensorBoard-style smoothing) of a noisy per-step curve. */
export function smoothCurve(values: number[], weight = 0.9): number[] {
  const out = new Array<number>(values.length);
  let last = values[0] ?? 0;
  for (let i = 0; i < values.length; i++) {
    last = weight * last + (1 - weight) * values[i];
    out[i] = last;
  }
  return out;
}

/** The loss of every step (raw and smoothed) and the held-out hit rates per evaluation. */
export function TrainCharts() {
  const losses = useAppStore((s) => s.losses);
  const evals = useAppStore((s) => s.evals);
  const kind = useAppStore((s) => s.runKind);
  const dense = kind === 'dense';
  const evalEvery = useAppStore((s) =>
    kind === 'dense'
      ? s.denseTrainConfig.evalEveryEpochs
      : kind === 'querygen'
        ? s.queryGenConfig.evalEveryEpochs
        : s.trainConfig.evalEveryEpochs,
  );

  const smoothed = useMemo(() => smoothCurve(losses), [losses]);
  const lossSeries = useMemo<LineSeries[]>(
    () => [
      { label: 'loss', values: losses, color: '#a9b7ec', width: 1 },
      { label: 'smoothed (EMA 0.9)', values: smoothed, color: '#3454d1', width: 2 },
    ],
    [losses, smoothed],
  );
  const evalSeries = useMemo<LineSeries[]>(() => {
    const epochs = evals.map((e) => e.epoch);
    if (kind === 'querygen')
      return [{ label: 'dev loss', values: evals.map((e) => e.metrics.loss ?? 0), x: epochs }];
    return [
      { label: 'Hits@1', values: evals.map((e) => e.metrics['Hits@1'] ?? 0), x: epochs },
      { label: 'Hits@10', values: evals.map((e) => e.metrics['Hits@10'] ?? 0), x: epochs },
    ];
  }, [evals, kind]);

  if (losses.length === 0 && evals.length === 0) return null;
  return (
    <div className="train-charts">
      <button
        type="button"
        onClick={() =>
          downloadText(
            trainCurvesCsv(losses, smoothed, evals),
            `training-curves-${kind}.csv`,
            'text/csv',
          )
        }
      >
        Curves (CSV)
      </button>
      <LineChart
        title="Training loss per step"
        series={lossSeries}
        xLabel="step"
        yLabel={dense ? 'InfoNCE' : 'cross-entropy'}
        pngName={`training-loss-${kind}.png`}
      />
      {evals.length > 0 && kind === 'querygen' ? (
        <LineChart
          title={`Dev loss of the generator (${evals.at(-1)!.queries} questions)`}
          series={evalSeries}
          xLabel="epoch"
          yLabel="cross-entropy"
          pngName="dev-loss-querygen.png"
        />
      ) : evals.length > 0 ? (
        <LineChart
          title={`Dev hit rate (${evals.at(-1)!.queries} queries)`}
          series={evalSeries}
          xLabel="epoch"
          yLabel="hit rate"
          yRange={[0, 1]}
          pngName={`dev-hit-rate-${kind}.png`}
        />
      ) : (
        <p className="note chart-placeholder">
          The dev-split {kind === 'querygen' ? 'loss' : 'hit rate'} appears after the first
          evaluation ({evalEvery > 0 ? `every ${evalEvery} epochs` : 'at the end'}).
        </p>
      )}
    </div>
  );
}
