import { useAppStore } from '../../store/appStore';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatDuration, formatRate } from './trainFormat';

/** What the dense run's preparation produced: the model's real size and its pairs per epoch. */
function DensePlan() {
  const plan = useAppStore((s) => s.densePlan);
  if (!plan) return null;
  const { queries = 0, pseudo = 0, hardNegatives = 0 } = plan.pairs;
  return (
    <p className="note" data-testid="training-plan">
      {plan.parameters.toLocaleString()} parameters · {plan.vocab.toLocaleString()} subwords ·
      inputs of up to {plan.maxLen} tokens · each epoch shows {queries.toLocaleString()} real-query
      and {pseudo.toLocaleString()} pseudo-query pairs
      {hardNegatives > 0 && `, ${hardNegatives.toLocaleString()} with a BM25 hard negative`}.
    </p>
  );
}

/** What the data preparation produced: the model's real size and the examples per epoch. */
function TrainingPlan() {
  const plan = useAppStore((s) => s.trainingPlan);
  const dense = useAppStore((s) => s.runKind === 'dense');
  if (dense) return <DensePlan />;
  if (!plan) return null;
  const { indexing, queries, pseudo, generated } = plan.examples;
  const tokens = plan.tgtLen - 1;
  return (
    <p className="note" data-testid="training-plan">
      {plan.parameters.toLocaleString()} parameters · {plan.docidScheme} docids of{' '}
      {tokens === 1 ? 'one token' : `up to ${tokens} tokens`} · {plan.srcVocab.toLocaleString()}{' '}
      subwords · each epoch shows {indexing.toLocaleString()} indexing, {queries.toLocaleString()}{' '}
      real-query, {pseudo.toLocaleString()} pseudo-query and {generated.toLocaleString()}{' '}
      generated-query examples.
    </p>
  );
}

/** The run's progress bar (it stays in view in the Index panel's sticky bar). */
export function TrainProgressBar() {
  const progress = useAppStore((s) => s.progress);
  const status = useAppStore((s) => s.trainingStatus);
  if (!progress) {
    return status === 'preparing' ? (
      <ProgressBar name="Training progress" fraction={0} label="preparing the data" />
    ) : null;
  }
  return (
    <ProgressBar
      name="Training progress"
      fraction={progress.step / Math.max(1, progress.totalSteps)}
      label={`step ${progress.step.toLocaleString()} of ${progress.totalSteps.toLocaleString()}`}
    />
  );
}

/** The run's plan and live numbers. */
export function TrainProgress() {
  const progress = useAppStore((s) => s.progress);
  const dense = useAppStore((s) => s.runKind === 'dense');
  if (!progress) return <TrainingPlan />;
  const p = progress;
  return (
    <>
      <TrainingPlan />
      <dl className="stats train-stats" aria-label="Training statistics">
        <div>
          <dt>Epoch</dt>
          <dd data-testid="train-epoch">
            {Math.min(p.epochs, Math.max(1, Math.ceil(p.epoch - 1e-9)))} / {p.epochs}
          </dd>
        </div>
        <div>
          <dt>Step</dt>
          <dd data-testid="train-step">{p.step.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Loss</dt>
          <dd data-testid="train-loss">{p.loss.toFixed(4)}</dd>
        </div>
        <div>
          <dt>{dense ? 'Pairs/s' : 'Examples/s'}</dt>
          <dd data-testid="train-examples-per-sec">{formatRate(p.examplesPerSec)}</dd>
        </div>
        <div>
          <dt>Tokens/s</dt>
          <dd data-testid="train-tokens-per-sec">{formatRate(p.tokensPerSec)}</dd>
        </div>
        <div>
          <dt>Elapsed</dt>
          <dd data-testid="train-elapsed">{formatDuration(p.elapsedSec)}</dd>
        </div>
        <div>
          <dt>ETA</dt>
          <dd data-testid="train-eta">{formatDuration(p.etaSec)}</dd>
        </div>
        <div>
          <dt>TF.js memory</dt>
          <dd data-testid="train-memory">{(p.memoryBytes / 1e6).toFixed(1)} MB</dd>
        </div>
      </dl>
    </>
  );
}
