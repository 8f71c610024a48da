/**
 * Suffix array construction by SA-IS: induced sorting (Nong, Zhang & Chan 2009, "Linear suffix
 * array construction by almost pure induced-sorting"). Linear time; the only recursion is on the
 * reduced string of LMS substrings, at most half as long, so the depth is logarithmic.
 *
 * The end of the text is a virtual sentinel, smaller than every symbol and never stored: suffix
 * order is plain lexicographic order in which a proper prefix sorts first.
 */

/** Suffix types: L when the suffix is larger than the one after it, S when smaller. */
const L = 0;
const S = 1;

/**
 * The suffix array of `text`: the start positions of all its suffixes, in lexicographic order (a
 * proper prefix sorts before the longer suffix). Symbols are integers in [0, alphabetSize).
 * Throws a RangeError naming the position of a symbol outside the alphabet.
 */
export function suffixArray(text: Int32Array, alphabetSize: number): Int32Array {
  if (!Number.isInteger(alphabetSize) || alphabetSize < 0) {
    throw new RangeError(`Alphabet size must be an integer ≥ 0, got ${alphabetSize}`);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c < 0 || c >= alphabetSize) {
      throw new RangeError(
        `Symbol ${c} at position ${i} is outside the alphabet [0, ${alphabetSize})`,
      );
    }
  }
  const sa = new Int32Array(text.length);
  induceSuffixArray(text, alphabetSize, sa);
  return sa;
}

/** Fill `sa` with the suffix array of `s` (symbols already checked to lie in [0, alphabetSize)). */
function induceSuffixArray(s: Int32Array, alphabetSize: number, sa: Int32Array): void {
  const n = s.length;
  if (n === 0) return;
  if (n === 1) {
    sa[0] = 0;
    return;
  }
  const types = classify(s);
  const counts = new Int32Array(alphabetSize);
  for (let i = 0; i < n; i++) counts[s[i]]++;
  const cursor = new Int32Array(alphabetSize);

  // LMS positions (an S-type suffix right after an L-type one), in text order.
  let m = 0;
  for (let i = 1; i < n; i++) if (types[i] === S && types[i - 1] === L) m++;
  const lms = new Int32Array(m);
  for (let i = 1, k = 0; i < n; i++) if (types[i] === S && types[i - 1] === L) lms[k++] = i;

  // Stage 1: LMS suffixes at their bucket tails in any order; induce to sort the LMS substrings.
  sa.fill(-1);
  bucketTails(counts, cursor);
  for (let k = 0; k < m; k++) sa[--cursor[s[lms[k]]]] = lms[k];
  induce(s, types, counts, cursor, sa);

  const sortedLms = new Int32Array(m);
  for (let i = 0, k = 0; i < n; i++) {
    const p = sa[i];
    if (p > 0 && types[p] === S && types[p - 1] === L) sortedLms[k++] = p;
  }

  // Stage 2: name each LMS substring by its rank (equal substrings share a name). LMS positions
  // are never adjacent, so p >> 1 is a distinct slot for each.
  const nameAt = new Int32Array((n >> 1) + 1);
  let names = 0;
  for (let k = 0; k < m; k++) {
    if (k === 0 || !sameLmsSubstring(s, types, sortedLms[k - 1], sortedLms[k])) names++;
    nameAt[sortedLms[k] >> 1] = names - 1;
  }
  const reduced = new Int32Array(m);
  for (let k = 0; k < m; k++) reduced[k] = nameAt[lms[k] >> 1];
  const reducedSa = new Int32Array(m);
  if (names === m) {
    for (let k = 0; k < m; k++) reducedSa[reduced[k]] = k; // all names distinct: ranks are the order
  } else {
    induceSuffixArray(reduced, names, reducedSa);
  }
  for (let k = 0; k < m; k++) sortedLms[k] = lms[reducedSa[k]];

  // Stage 3: LMS suffixes in their true order at the bucket tails; induce the rest from them.
  sa.fill(-1);
  bucketTails(counts, cursor);
  for (let k = m - 1; k >= 0; k--) sa[--cursor[s[sortedLms[k]]]] = sortedLms[k];
  induce(s, types, counts, cursor, sa);
}

/** types[i] = S if suffix i is smaller than suffix i + 1, else L; the last is L (sentinel after). */
function classify(s: Int32Array): Uint8Array {
  const n = s.length;
  const types = new Uint8Array(n);
  types[n - 1] = L;
  for (let i = n - 2; i >= 0; i--) {
    types[i] = s[i] < s[i + 1] || (s[i] === s[i + 1] && types[i + 1] === S) ? S : L;
  }
  return types;
}

/** cursor[c] = where bucket c begins. */
function bucketHeads(counts: Int32Array, cursor: Int32Array): void {
  for (let c = 0, sum = 0; c < counts.length; c++) {
    cursor[c] = sum;
    sum += counts[c];
  }
}

/** cursor[c] = one past where bucket c ends. */
function bucketTails(counts: Int32Array, cursor: Int32Array): void {
  for (let c = 0, sum = 0; c < counts.length; c++) {
    sum += counts[c];
    cursor[c] = sum;
  }
}

/** Induce L-type suffixes left to right, then S-type right to left, from what `sa` holds. */
function induce(
  s: Int32Array,
  types: Uint8Array,
  counts: Int32Array,
  cursor: Int32Array,
  sa: Int32Array,
): void {
  const n = s.length;
  bucketHeads(counts, cursor);
  // The virtual sentinel sorts first; the suffix just before it, n − 1, is L-type.
  sa[cursor[s[n - 1]]++] = n - 1;
  for (let i = 0; i < n; i++) {
    const j = sa[i] - 1;
    if (j >= 0 && types[j] === L) sa[cursor[s[j]]++] = j;
  }
  bucketTails(counts, cursor);
  for (let i = n - 1; i >= 0; i--) {
    const j = sa[i] - 1;
    if (j >= 0 && types[j] === S) sa[--cursor[s[j]]] = j;
  }
}

/** Whether the LMS substrings at a and b (each up to and including the next LMS) are equal. */
function sameLmsSubstring(s: Int32Array, types: Uint8Array, a: number, b: number): boolean {
  const n = s.length;
  for (let k = 0; ; k++) {
    const i = a + k;
    const j = b + k;
    if (i === n || j === n) return false; // only one of them runs into the unique sentinel
    if (s[i] !== s[j] || types[i] !== types[j]) return false;
    // Types so far agree, so i is an LMS position exactly when j is.
    if (k > 0 && types[i] === S && types[i - 1] === L) return true;
  }
}
