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
 * match case-insensitively with any (or no) space between them.
 */
export function ngramRanges(text: string, ngram: string): [number, number][] {
  const words = ngram.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escape).join('\\s*'), 'giu');
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * A snippet of `text` around the n-grams of a SEAL answer, every word an n-gram touches marked:
 * what a generative model that writes words of the document actually matched.
 */
export function ngramSnippet(
  text: string,
  ngrams: readonly string[],
  params: SnippetParams = DEFAULT_SNIPPET_PARAMS,
): SnippetPart[] {
  const ranges = ngrams.flatMap((n) => ngramRanges(text, n));
  const words = tokenizeWithSpans(text);
  const isMatch = words.map((w) => ranges.some(([a, b]) => w.start < b && a < w.end));
  return snippetOfWords(text, words, isMatch, params);
}
