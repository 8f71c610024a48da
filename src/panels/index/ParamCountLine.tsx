import { formatMegabytes } from './trainFormat';

/** "≈ N parameters · X MB of float32 weights" under a model's shape settings. */
export function ParamCountLine({ parameters, testId }: { parameters: number; testId: string }) {
  return (
    <p className="param-count" data-testid={testId}>
      ≈ <strong>{parameters.toLocaleString()}</strong> parameters (before training; the vocabulary
      may come out smaller) · {formatMegabytes(parameters * 4)} of float32 weights
    </p>
  );
}
