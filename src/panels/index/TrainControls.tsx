import type { TrainingStatus, TrainKind } from '../../store/trainingSlice';
import { useAppStore } from '../../store/appStore';

/** The start button's name per kind (the generative one predates the dense retriever). */
const START_LABEL: Record<TrainKind, string> = {
  generative: 'Index',
  dense: 'Train dense retriever',
  querygen: 'Train query generator',
};

const WHAT: Record<TrainKind, string> = {
  generative: 'the generative model',
  dense: 'the dense retriever',
  querygen: 'the query generator',
};

/** One line a student can read at a glance: what the run (of `kind`) is doing now. */
function statusText(
  status: TrainingStatus,
  stage: string,
  corpusName: string | undefined,
  kind: TrainKind,
) {
  switch (status) {
    case 'idle':
      if (!corpusName) return 'Waiting for a corpus.';
      return kind === 'generative'
        ? `Ready to index ${corpusName}.`
        : `Ready to train ${WHAT[kind]} on ${corpusName}.`;
    case 'preparing':
      return `Preparing the data: ${stage || 'starting'}…`;
    case 'running':
      if (stage && stage !== 'Training') return `${stage}…`;
      return kind === 'generative' ? 'Training…' : `Training ${WHAT[kind]}…`;
    case 'paused':
      return 'Paused. Resume to go on from the same step.';
    case 'done':
      return kind === 'dense'
        ? 'Done. The new dense retriever now answers in the Compare and Evaluate panels.'
        : kind === 'querygen'
          ? 'Done. The generator’s questions are listed in the Corpus panel.'
          : 'Done. The new model now answers in the Search panel.';
    case 'cancelled':
      return 'Cancelled.';
    case 'error':
      return 'Training failed.';
  }
}

/**
 * Start (Index, or Train dense retriever), Pause, Resume and Cancel, each enabled only when it
 * makes sense, plus the status line.
 */
export function TrainControls() {
  const kind = useAppStore((s) => s.trainKind);
  const runKind = useAppStore((s) => s.runKind);
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
          {START_LABEL[kind]}
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
          {statusText(status, stage, corpus?.name, status === 'idle' ? kind : runKind)}
        </p>
      </div>
      {!engineReady && <p className="note">TF.js is still starting in its worker…</p>}
    </>
  );
}
