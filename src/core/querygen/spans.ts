import type { Random } from '../random';
import { randomInt } from '../random';
import { tokenizeWithSpans } from '../text/analyzer';

/**
 * Candidate span queries of `text` — NCI's "document as query" (DaQ, Wang et al. 2022): a random
 * run of `minWords`–`maxWords` consecutive words, cut from the original text between the first
 * word's start and the last word's end so inner punctuation survives.
 *
 * A document shorter than `minWords` gives its whole text once. When the document has no more
 * distinct windows than `count`, every window is yielded once and the generator ends; otherwise
 * it samples forever and the caller stops it (repeats are possible, the caller drops them).
 */
export function* spanCandidates(
  text: string,
  count: number,
  minWords: number,
  maxWords: number,
  random: Random,
): Generator<string> {
  const words = tokenizeWithSpans(text);
  const n = words.length;
  if (n === 0) return;
  const lo = Math.min(minWords, n);
  const hi = Math.max(lo, Math.min(maxWords, n));
  const cut = (first: number, length: number) =>
    text.slice(words[first].start, words[first + length - 1].end);

  let windows = 0;
  for (let length = lo; length <= hi; length++) windows += n - length + 1;
  if (windows <= count) {
    for (let length = lo; length <= hi; length++)
      for (let first = 0; first + length <= n; first++) yield cut(first, length);
    return;
  }
  for (;;) {
    const length = lo + randomInt(random, hi - lo + 1);
    yield cut(randomInt(random, n - length + 1), length);
  }
}
