/** Head counts the forms offer; a head count must divide the model width. */
export const HEAD_COUNTS = [1, 2, 4, 8, 16];

/** The largest head count that divides `d` and is at most `heads`. */
export function fittingHeads(d: number, heads: number): number {
  return Math.max(...HEAD_COUNTS.filter((h) => d % h === 0 && h <= Math.max(1, heads)));
}

/** Matryoshka prefix sizes the form offers for width `d`: the powers of two from 8 up to d. */
export function matryoshkaChoices(d: number): number[] {
  const out: number[] = [];
  for (let p = 8; p <= d; p *= 2) out.push(p);
  return out;
}

/**
 * The prefixes kept when the width changes from `oldD` to `newD`: those that still fit, and the
 * full vector again if it was trained before.
 */
export function resizeMatryoshka(dims: readonly number[], oldD: number, newD: number): number[] {
  const kept = new Set(dims.filter((m) => m <= newD && m !== oldD));
  if (dims.includes(oldD)) kept.add(newD);
  return [...kept].sort((a, b) => a - b);
}

/** `dims` with `m` switched on or off, ascending. */
export function toggleDim(dims: readonly number[], m: number, on: boolean): number[] {
  const rest = dims.filter((x) => x !== m);
  return (on ? [...rest, m] : rest).sort((a, b) => a - b);
}
