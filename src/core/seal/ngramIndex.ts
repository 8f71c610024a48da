/**
 * An n-gram index over a tokenized corpus for SEAL (Bevilacqua et al. 2022, "Autoregressive Search
 * Engines"): any n-gram of the corpus serves as an identifier, decoding is constrained so every
 * generated n-gram occurs in the corpus, and documents are found by the n-grams they contain.
 *
 * The paper uses an FM-index; this is a suffix array answering the same queries. Every n-gram's
 * occurrences are one contiguous range of the suffix array, narrowed one token at a time by binary
 * search, so the next allowed tokens, counts and containing documents all come from that range.
 */
import { suffixArray } from './suffixArray';

/** Marks the end of each document in the index text; never part of an n-gram. */
export const SEPARATOR = -1;

/** The corpus as one text with its suffix array. Plain typed arrays, cheap to post to a worker. */
export interface NgramIndex {
  /** every document's tokens, each document followed by SEPARATOR */
  readonly text: Int32Array;
  /** suffix array of `text` (SEPARATOR sorts before every token) */
  readonly suffixes: Int32Array;
  /** docStarts[d] is where document d begins in `text`; length docs + 1 (the last = text.length) */
  readonly docStarts: Int32Array;
  /** number of documents */
  readonly docs: number;
  /** corpus tokens, separators not counted */
  readonly tokens: number;
}

/** suffixes[lo..hi) are the occurrences of one n-gram of `depth` tokens */
export interface SuffixRange {
  /** first rank in the suffix array (inclusive) */
  lo: number;
  /** last rank in the suffix array (exclusive) */
  hi: number;
  /** n-gram length in tokens */
  depth: number;
}

/** Largest token allowed: token + 1 must still fit an Int32Array for the suffix sort. */
const MAX_TOKEN = 0x7ffffffe;

/**
 * Index `docs` (token ids, integers ≥ 0; an empty document is allowed). Throws a RangeError naming
 * the document and position of an invalid token. `onProgress(done, total)` is called at the start,
 * after the text is copied and after the suffix array is built.
 */
export function buildNgramIndex(
  docs: readonly ArrayLike<number>[],
  onProgress?: (done: number, total: number) => void,
): NgramIndex {
  const steps = 2;
  onProgress?.(0, steps);
  let tokens = 0;
  let maxToken = -1;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    for (let p = 0; p < doc.length; p++) {
      const t = doc[p];
      if (!Number.isInteger(t) || t < 0 || t > MAX_TOKEN) {
        throw new RangeError(`Document ${d} has an invalid token ${t} at position ${p}`);
      }
      if (t > maxToken) maxToken = t;
    }
    tokens += doc.length;
  }

  // Shifted by one so the separator is symbol 0 and sorts before every token.
  const text = new Int32Array(tokens + docs.length);
  const docStarts = new Int32Array(docs.length + 1);
  let at = 0;
  for (let d = 0; d < docs.length; d++) {
    docStarts[d] = at;
    const doc = docs[d];
    for (let p = 0; p < doc.length; p++) text[at++] = doc[p] + 1;
    text[at++] = SEPARATOR + 1;
  }
  docStarts[docs.length] = at;
  onProgress?.(1, steps);

  const suffixes = suffixArray(text, maxToken + 2);
  for (let i = 0; i < text.length; i++) text[i] -= 1;
  onProgress?.(2, steps);
  return { text, suffixes, docStarts, docs: docs.length, tokens };
}

/** The empty n-gram: every suffix that starts with a token (separator suffixes sort first). */
export function rootRange(index: NgramIndex): SuffixRange {
  return { lo: index.docs, hi: index.text.length, depth: 0 };
}

/** First rank in [lo, hi) whose symbol at `depth` is ≥ `symbol` (hi if none). */
function lowerBound(index: NgramIndex, lo: number, hi: number, depth: number, symbol: number) {
  const { text, suffixes } = index;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (text[suffixes[mid] + depth] < symbol) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Occurrences of the range's n-gram followed by `token`, or null when that never occurs (or the
 * token is not an integer ≥ 0). Two binary searches inside `range`.
 */
export function extendRange(
  index: NgramIndex,
  range: SuffixRange,
  token: number,
): SuffixRange | null {
  if (!Number.isInteger(token) || token < 0) return null;
  // Every suffix in the range holds depth tokens then at least its document's separator, so
  // reading at depth stays inside the text.
  const lo = lowerBound(index, range.lo, range.hi, range.depth, token);
  const hi = lowerBound(index, lo, range.hi, range.depth, token + 1);
  return lo < hi ? { lo, hi, depth: range.depth + 1 } : null;
}

/**
 * Occurrences of `ngram`, or null if it does not occur; a returned range is never empty. The empty
 * n-gram gives rootRange (null for a corpus without tokens).
 */
export function rangeOf(index: NgramIndex, ngram: readonly number[]): SuffixRange | null {
  let range: SuffixRange | null = rootRange(index);
  if (range.lo === range.hi) return null;
  for (let i = 0; i < ngram.length && range; i++) range = extendRange(index, range, ngram[i]);
  return range;
}

/** How many times `ngram` occurs in the corpus (0 if never); the empty n-gram counts every token. */
export function countOf(index: NgramIndex, ngram: readonly number[]): number {
  const range = rangeOf(index, ngram);
  return range ? range.hi - range.lo : 0;
}

/**
 * The distinct tokens that follow the range's n-gram somewhere in a document, ascending (the
 * separator excluded). Jumps from one token's run to the next by binary search: O(distinct · log).
 */
export function nextTokens(index: NgramIndex, range: SuffixRange): Int32Array {
  const { text, suffixes } = index;
  const found: number[] = [];
  let i = lowerBound(index, range.lo, range.hi, range.depth, 0);
  while (i < range.hi) {
    const token = text[suffixes[i] + range.depth];
    found.push(token);
    i = lowerBound(index, i + 1, range.hi, range.depth, token + 1);
  }
  return Int32Array.from(found);
}

/** The document holding text position `position` (its separator included). */
export function docOfPosition(index: NgramIndex, position: number): number {
  if (!Number.isInteger(position) || position < 0 || position >= index.text.length) {
    throw new RangeError(
      `Position ${position} is outside the index text [0, ${index.text.length})`,
    );
  }
  const { docStarts } = index;
  let lo = 0;
  let hi = index.docs - 1;
  // Last document whose start is ≤ position.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (docStarts[mid] <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Text positions where the range's n-gram starts, ascending. */
export function locate(index: NgramIndex, range: SuffixRange): Int32Array {
  return index.suffixes.slice(range.lo, range.hi).sort();
}

/** The distinct documents that contain the range's n-gram, ascending, with how often each does. */
export function docsOf(
  index: NgramIndex,
  range: SuffixRange,
): { docs: Int32Array; counts: Int32Array } {
  const positions = locate(index, range);
  const docs = new Int32Array(positions.length);
  const counts = new Int32Array(positions.length);
  let distinct = 0;
  for (const position of positions) {
    const doc = docOfPosition(index, position);
    if (distinct > 0 && docs[distinct - 1] === doc) {
      counts[distinct - 1]++;
    } else {
      docs[distinct] = doc;
      counts[distinct++] = 1;
    }
  }
  return { docs: docs.slice(0, distinct), counts: counts.slice(0, distinct) };
}

/** Bytes held by the index's typed arrays. */
export function indexBytes(index: NgramIndex): number {
  return index.text.byteLength + index.suffixes.byteLength + index.docStarts.byteLength;
}
