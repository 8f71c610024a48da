import { useAppStore } from '../../store/appStore';
import { ProgressBar } from '../../ui/ProgressBar';

/** Progress of the load under way, the last error, and warnings (skipped lines and the like). */
export function LoadStatus() {
  const loading = useAppStore((s) => s.loading);
  const error = useAppStore((s) => s.loadError);
  const warnings = useAppStore((s) => s.loadWarnings);
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
