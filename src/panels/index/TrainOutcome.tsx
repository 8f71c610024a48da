import { useAppStore } from '../../store/appStore';
import { sharingWords } from './sharingWords';
import { formatMetric, formatRate, INDEX_METRICS } from './trainFormat';

/** How the last run ended: its speed and final evaluation, a cancellation, or the error. */
export function TrainOutcome() {
  const status = useAppStore((s) => s.trainingStatus);
  const speed = useAppStore((s) => s.trainingSpeed);
  const evals = useAppStore((s) => s.evals);
  const error = useAppStore((s) => s.trainingError);
  const kind = useAppStore((s) => s.runKind);
  const dense = kind === 'dense';
  const what = dense ? 'dense retriever' : kind === 'querygen' ? 'query generator' : 'model';
  const last = evals.at(-1);

  if (status === 'error') {
    return (
      <div role="alert" className="error">
        <strong>Training stopped with an error.</strong> {error ?? 'No message was given.'} The
        previous {what} (if any) still answers.
      </div>
    );
  }
  if (status === 'cancelled') {
    return (
      <p className="outcome outcome-cancelled">
        Training was cancelled; the previous {what} is kept and still answers queries.
      </p>
    );
  }
  if (status !== 'done') return null;
  if (kind === 'querygen') {
    return (
      <div className="outcome outcome-done" aria-label="Run summary">
        <h3>Query generator trained</h3>
        {speed && (
          <p>
            Trained in {speed.seconds.toFixed(1)} s at {formatRate(speed.examplesPerSec)} pairs/s.
            {last && ` Dev loss ${formatMetric(last.metrics.loss)} per question token.`}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="outcome outcome-done" aria-label="Run summary">
      <h3>{dense ? 'Dense retriever trained' : 'Run finished'}</h3>
      {speed && (
        <p>
          Trained in {speed.seconds.toFixed(1)} s at {formatRate(speed.examplesPerSec)}{' '}
          {dense ? 'pairs' : 'examples'}/s and {formatRate(speed.tokensPerSec)} tokens/s
          {sharingWords(speed)} (evaluation time excluded).
        </p>
      )}
      {last ? (
        <p>
          Last evaluation (epoch {last.epoch}, {last.queries} dev queries):{' '}
          {INDEX_METRICS.map((m) => `${m} ${formatMetric(last.metrics[m])}`).join(' · ')}
        </p>
      ) : (
        <p className="note">This corpus has no dev queries, so the run was not evaluated.</p>
      )}
    </div>
  );
}
