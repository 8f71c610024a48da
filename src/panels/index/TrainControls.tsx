import type { TrainingStatus } from '../../store/trainingSlice';
import { useAppStore } from '../../store/appStore';

/** One line a student can read at a glance: what the run is doing now. */
function statusText(status: TrainingStatus, stage: string, corpusName: string | undefined) {
  switch (status) {
    case 'idle':
      return corpusName ? `Ready to index ${corpusName}.` : 'Waiting for a corpus.';
    case 'preparing':
      return `Preparing the data: ${stage || 'starting'}…`;
    case 'running':
      return stage && stage !== 'Training' ? `${stage}…` : 'Training…';
    case 'paused':
      return 'Paused. Resume to go on from the same step.';
    case 'done':
      return 'Done. The new model now answers in the Search panel.';
    case 'cancelled':
      return 'Cancelled.';
    case 'error':
      return 'Training failed.';
  }
}

/** Index, Pause, Resume and Cancel, each enabled only when it makes sense, plus the status line. */
export function TrainControls() {
  const status = useAppStore((s) => s.trainingStatus);
  const stage = useAppStore((s) => s.trainingStage);
  const corpus = useAppStore((s) => s.corpus);
  const engineReady = useAppStore((s) => s.backend !== null);
  const start = useAppStore((s) => s.startTraining);
  const pause = useAppStore((s) => s.pauseTraining);
  const resume = useAppStore((s) => s.resumeTraining);
  const cancel = useAppStore((s) => s.cancelTraining);
  const active = status === 'preparing' || status === 'running' || status === 'paused';

  return (
    <>
      <div className="row train-controls">
        <button
          type="button"
          onClick={() => void start()}
          disabled={active || !corpus || !engineReady}
        >
          Index
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void pause()}
          disabled={status !== 'running'}
        >
          Pause
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void resume()}
          disabled={status !== 'paused'}
        >
          Resume
        </button>
        <button
          type="button"
          className="secondary danger"
          onClick={() => void cancel()}
          disabled={!active}
        >
          Cancel
        </button>
        <p role="status" aria-label="Training status" className={`train-status status-${status}`}>
          {statusText(status, stage, corpus?.name)}
        </p>
      </div>
      {!engineReady && <p className="note">TF.js is still starting in its worker…</p>}
    </>
  );
}
