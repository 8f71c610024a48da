/** Seconds as m:ss (minutes may pass 59: a long run reads 75:03). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A rate with a sensible number of digits: 12.3, 456, 12,345. */
export function formatRate(perSec: number): string {
  if (!Number.isFinite(perSec)) return '–';
  return perSec < 100 ? perSec.toFixed(1) : Math.round(perSec).toLocaleString();
}

/** The metrics the Index panel reports, in the order it shows them. */
export const INDEX_METRICS = ['Hits@1', 'Hits@10', 'MRR@10'] as const;

/** A metric in [0, 1] to three decimals. */
export const formatMetric = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(3));

/** Bytes as megabytes (decimal, as file sizes): 0.05 MB, 1.2 MB, 310.4 MB. */
export function formatMegabytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  const mb = bytes / 1e6;
  return `${mb.toFixed(mb < 1 ? 2 : 1)} MB`;
}
