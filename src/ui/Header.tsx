import { useAppStore } from '../store/appStore';
import { backendWords } from './backendWords';
import { BackendProbeNote } from './BackendProbeNote';
import { EngineDetails } from './EngineDetails';

/** Where the models run, in plain words; the technical story is in Engine details. */
function BackendBadge() {
  const backend = useAppStore((s) => s.backend);
  const error = useAppStore((s) => s.backendError);
  if (error) {
    return (
      <span
        className="badge badge-error"
        role="status"
        aria-label="Where the models run"
        title={error}
      >
        Models cannot run in this browser: {error}
      </span>
    );
  }
  if (!backend) {
    return (
      <span className="badge" role="status" aria-label="Where the models run">
        Runs on: starting…
      </span>
    );
  }
  const { where, technology } = backendWords(backend.backend, backend.device);
  return (
    <span
      className="badge badge-ok"
      role="status"
      aria-label="Where the models run"
      title={`${technology} on ${backend.device}; started in ${backend.startMs} ms`}
    >
      Runs on: <strong>{where}</strong> <span className="badge-tech">({technology})</span>{' '}
      <code className="backend-id" data-testid="backend-name">
        {backend.backend}
      </code>
    </span>
  );
}

/** Two lines at most on a phone: the title and corpus, then where the models run. */
export function Header() {
  const corpus = useAppStore((s) => s.corpus);
  const source = useAppStore((s) => s.corpusSource);
  return (
    <header className="header">
      <div className="header-line">
        <h1>GenIR Playground</h1>
        <span className="header-corpus" aria-label="Current corpus">
          {corpus
            ? `${corpus.name} (${source}) · ${corpus.docs.length.toLocaleString()} docs`
            : 'loading corpus…'}
        </span>
      </div>
      <div className="header-line header-engine">
        <span className="header-backend">
          <BackendBadge /> <BackendProbeNote />
        </span>
        <EngineDetails />
      </div>
    </header>
  );
}
