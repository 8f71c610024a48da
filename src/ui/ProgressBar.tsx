/** An accessible progress bar with its label. */
export function ProgressBar({
  fraction,
  label,
  name,
}: {
  fraction: number;
  label: string;
  name: string;
}) {
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div className="progress">
      <div
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}% — ${label}`}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-label">
        {label} · {pct}%
      </span>
    </div>
  );
}
