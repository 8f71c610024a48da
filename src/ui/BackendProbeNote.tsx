import { probeSummary } from '../models/backendChoice';
import { useAppStore } from '../store/appStore';

/** One line beside the backend: how it was chosen, with the probe's figures when there are some. */
export function BackendProbeNote() {
  const choice = useAppStore((s) => s.backendChoice);
  const probe = useAppStore((s) => s.backendProbe);
  const error = useAppStore((s) => s.probeError);
  const backend = useAppStore((s) => s.backend);
  if (!backend) return null;
  const figures = probe ? probeSummary(probe.figures) : '';
  const start =
    backend.backend === 'wasm'
      ? 'started on wasm, the quickest to a first answer'
      : 'wasm did not start (see Engine details)';
  const text = {
    forced: 'chosen by ?backend= in the address',
    first: `${start}; each backend is timed in a moment`,
    waiting: `${start}; each backend is timed once the corpus has loaded`,
    probing: 'timing each backend…',
    measured: `fastest measured, per training step: ${figures}`,
    kept: `fastest when measured${probe ? ` on ${probe.at.slice(0, 10)}` : ''}${figures ? `, per training step: ${figures}` : ''}`,
    failed: `could not time the backends: ${error ?? 'unknown error'}`,
  }[choice];
  return (
    <span className="backend-probe" role="status" aria-label="How the backend was chosen">
      {text}
    </span>
  );
}
