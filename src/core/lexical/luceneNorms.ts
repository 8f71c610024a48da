// Lucene stores each document's length in one byte (SmallFloat.intToByte4): exact below 24, then
// four significant bits. Anserini's published BM25 runs score with these rounded lengths.

function bitLength(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}

function longToInt4(i: number): number {
  const numBits = bitLength(i);
  if (numBits < 4) return i;
  const shift = numBits - 4;
  return ((i >>> shift) & 0x07) | ((shift + 1) << 3);
}

function int4ToLong(i: number): number {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

const MAX_INT4 = longToInt4(0x7fffffff);
const NUM_FREE_VALUES = 255 - MAX_INT4;

/** Lucene `SmallFloat.intToByte4`: encode a non-negative length into one byte (0–255). */
export function intToByte4(i: number): number {
  if (i < 0 || !Number.isInteger(i)) throw new RangeError(`length must be a non-negative integer`);
  return i < NUM_FREE_VALUES ? i : NUM_FREE_VALUES + longToInt4(i - NUM_FREE_VALUES);
}

/** Lucene `SmallFloat.byte4ToInt`: decode a byte from `intToByte4`. */
export function byte4ToInt(b: number): number {
  return b < NUM_FREE_VALUES ? b : NUM_FREE_VALUES + int4ToLong(b - NUM_FREE_VALUES);
}

/** The length Lucene's BM25 sees for a field of `length` tokens. */
export function luceneRoundedLength(length: number): number {
  return byte4ToInt(intToByte4(length));
}
