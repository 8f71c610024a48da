import {
  DEFAULT_SNIPPET_PARAMS,
  snippetOfWords,
  type SnippetParams,
  type SnippetPart,
} from '../lexical/snippet';
import { tokenizeWithSpans } from '../text/analyzer';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where an n-gram, as its subwords read (" thick clouds of", "ulphuric acid ,"), occurs in a
 * document's original text: the tokenizer lowercased it and split punctuation off, so its words
 * match case-insensitively with any (or no) space between them. One that starts with a space
 * starts a word, so it matches only where a word starts.
 */
export function ngramRanges(text: string, ngram: string): [number, number][] {
  const words = ngram.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const start = ngram.startsWith(' ') ? '(?<![\\p{L}\\p{M}\\p{N}])' : '';
  const pattern = new RegExp(start + words.map(escape).join('\\s*'), 'giu');
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/** N-grams of a document a snippet shows (its heaviest ones), each in its own fragment. */
export const SNIPPET_NGRAMS = 5;
/** Words of context either side of an n-gram in a fragment. */
const CONTEXT_WORDS = 6;

/**
 * A snippet of `text` that shows each of the document's first SNIPPET_NGRAMS n-grams (heaviest
 * first) where it first occurs, with a few words either side, fragments joined by "…", and every
 * word an n-gram touches marked: what a model that writes phrases of the document matched. With
 * no n-gram found, the opening words.
 */
export function ngramSnippet(
  text: string,
  ngrams: readonly string[],
  params: SnippetParams = DEFAULT_SNIPPET_PARAMS,
): SnippetPart[] {
  const words = tokenizeWithSpans(text);
  const shown = ngrams.slice(0, SNIPPET_NGRAMS).map((n) => ngramRanges(text, n));
  const ranges = shown.flat();
  const isMatch = words.map((w) => ranges.some(([a, b]) => w.start < b && a < w.end));
  const anchors = shown.flatMap((r) => (r.length > 0 ? [r[0]] : []));
  if (anchors.length === 0 || words.length === 0)
    return snippetOfWords(text, words, isMatch, params);
  // words to show: each anchor's words and CONTEXT_WORDS either side
  const keep = new Array<boolean>(words.length).fill(false);
  for (const [a, b] of anchors) {
    const first = words.findIndex((w) => w.end > a);
    let last = first;
    while (last + 1 < words.length && words[last + 1].start < b) last++;
    const from = Math.max(0, first - CONTEXT_WORDS);
    const to = Math.min(words.length - 1, last + CONTEXT_WORDS);
    for (let i = from; i <= to; i++) keep[i] = true;
  }
  const parts: SnippetPart[] = [];
  const push = (t: string, match: boolean) => {
    if (t) parts.push({ text: t, match });
  };
  let i = 0;
  while (i < words.length) {
    if (!keep[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < words.length && keep[j + 1]) j++;
    if (i > 0) push(parts.length > 0 ? ' … ' : '… ', false);
    let cursor = words[i].start;
    const end = j + 1 >= words.length ? text.length : words[j].end;
    for (let w = i; w <= j; w++) {
      if (!isMatch[w]) continue;
      push(text.slice(cursor, words[w].start), false);
      push(text.slice(words[w].start, words[w].end), true);
      cursor = words[w].end;
    }
    push(text.slice(cursor, end), false);
    i = j + 1;
  }
  if (!keep[words.length - 1]) push(' …', false);
  return parts;
}

/** A document's n-grams as a list reads: the first `shown` quoted, then how many more. */
export function quotedNgrams(ngrams: readonly string[], shown: number): string {
  const list = ngrams
    .slice(0, shown)
    .map((n) => `“${n.trim()}”`)
    .join(', ');
  return ngrams.length > shown ? `${list} and ${ngrams.length - shown} more` : list;
}
