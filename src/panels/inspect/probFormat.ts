/** How the inspector writes probabilities and log-probabilities for people. */

/** Between a number and its % sign; non-breaking, so "42 %" never wraps apart. */
const NBSP = '\u00a0';
/** The minus sign (U+2212): the hyphen is not a minus in running text. */
const MINUS = '\u2212';

/**
 * A probability as a percentage with `decimals` decimals ("42 %", "7.5 %"). A non-zero value that
 * would round to 0 reads "<1 %" ("<0.1 %"), and one short of 1 that would round to 100 reads
 * ">99 %", so the text never claims a certainty or an impossibility that is not there.
 */
export function formatPercent(p: number, decimals = 0): string {
  if (!Number.isFinite(p)) return '–';
  const pct = 100 * p;
  const unit = 10 ** -decimals;
  const rounded = Math.round(pct / unit) * unit;
  if (pct <= 0) return `0${NBSP}%`;
  if (rounded === 0) return `<${unit.toFixed(decimals)}${NBSP}%`;
  if (pct < 100 && rounded >= 100) return `>${(100 - unit).toFixed(decimals)}${NBSP}%`;
  return `${rounded.toFixed(decimals)}${NBSP}%`;
}

const fewDigits = new Intl.NumberFormat('en', { maximumSignificantDigits: 2 });
const twoDecimals = new Intl.NumberFormat('en', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});

/**
 * A log-probability (or a score made of one): two decimals from 1 up ("−1.23", "−12.35"), two
 * significant digits below ("−0.31", "−0.0042"), so a value that is not 0 never reads "−0.00".
 * Written with a true minus sign; 0 is "0".
 */
export function formatLogProb(x: number): string {
  if (Number.isNaN(x)) return '–';
  if (x === -Infinity) return `${MINUS}∞`;
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  const digits = magnitude < 1 ? fewDigits.format(magnitude) : twoDecimals.format(magnitude);
  return `${x < 0 ? MINUS : ''}${digits}`;
}
