import { useAppStore } from '../../store/appStore';
import { ProgressBar } from '../../ui/ProgressBar';

/**
 * Progress of the load under way, the last error, whether the corpus comes back after a reload,
 * and warnings (skipped lines and the like).
 */
export function LoadStatus() {
  const loading = useAppStore((s) => s.loading);
  const error = useAppStore((s) => s.loadError);
  const warnings = useAppStore((s) => s.loadWarnings);
  const kept = useAppStore((s) => s.corpusKept);
  return (
    <div aria-live="polite">
      {loading && (
        <ProgressBar name="Corpus loading" fraction={loading.fraction} label={loading.label} />
      )}
      {error && (
        <div role="alert" className="error">
          <strong>Could not load that corpus.</strong> {error}. The corpus already loaded is still
          in use.
        </div>
      )}
      {(kept === 'keeping' || kept === 'kept') && (
        <p className="muted" data-testid="corpus-kept">
          {kept === 'keeping'
            ? 'Keeping this corpus in this browser for your next visit…'
            : 'Kept in this browser: a reload opens this corpus again.'}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="warnings" aria-label="Load warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
