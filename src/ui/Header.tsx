import { useAppStore } from '../store/appStore';
import { EngineDetails } from './EngineDetails';

function BackendBadge() {
  const backend = useAppStore((s) => s.backend);
  const error = useAppStore((s) => s.backendError);
  if (error) {
    return (
      <span className="badge badge-error" role="status" aria-label="TF.js backend">
        TF.js: unavailable — {error}
      </span>
    );
  }
  if (!backend) {
    return (
      <span className="badge" role="status" aria-label="TF.js backend">
        TF.js: starting…
      </span>
    );
  }
  const why = backend.fellBack.map((f) => `${f.backend} skipped: ${f.reason}`).join('; ');
  return (
    <span
      className="badge badge-ok"
      role="status"
      aria-label="TF.js backend"
      title={`${backend.device}; started in ${backend.startMs} ms`}
    >
      TF.js: <strong data-testid="backend-name">{backend.backend}</strong>
      {why && <span className="badge-note"> ({why})</span>}
    </span>
  );
}

export function Header() {
  const corpus = useAppStore((s) => s.corpus);
  const source = useAppStore((s) => s.corpusSource);
  return (
    <header className="header">
      <h1>GenIR Playground</h1>
      <span className="header-corpus" aria-label="Current corpus">
        {corpus
          ? `${corpus.name} (${source}) · ${corpus.docs.length.toLocaleString()} docs`
          : 'loading corpus…'}
      </span>
      <BackendBadge />
      <EngineDetails />
    </header>
  );
}
