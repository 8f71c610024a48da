/** Number of decimal digits of a non-negative integer (0 has one). */
export function digitCount(value: number): number {
  return String(Math.max(0, Math.floor(value))).length;
}

/** `value` as decimal digit tokens, zero-padded on the left to `width`: (7, 3) → [0, 0, 7]. */
export function toDigits(value: number, width: number): number[] {
  return Array.from(String(value).padStart(width, '0'), Number);
}
