import { defaultTermOf, tokenizeWithSpans } from '../text/analyzer';

/** A piece of a snippet; `match` marks a word that matched a query term. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SnippetParams {
  /** Words shown around the best-matching window. Default 40; sensible 15–80. */
  maxWords: number;
}

export const DEFAULT_SNIPPET_PARAMS: SnippetParams = { maxWords: 40 };

/**
 * The window of `text` with the most query-term matches, split into plain and matching parts.
 * Matching is done on analyzed terms, so "running" highlights "runs".
 */
export function makeSnippet(
  text: string,
  query: string,
  params: SnippetParams = DEFAULT_SNIPPET_PARAMS,
): SnippetPart[] {
  const terms = new Set(
    tokenizeWithSpans(query)
      .map((t) => defaultTermOf(t.text))
      .filter((t) => t !== null),
  );
  const words = tokenizeWithSpans(text);
  const isMatch = words.map((w) => {
    const term = defaultTermOf(w.text);
    return term !== null && terms.has(term);
  });
  return snippetOfWords(text, words, isMatch, params);
}

/**
 * The window of `params.maxWords` words with the most matched words, as plain and matching parts
 * (`words`: the text's words with their spans; `isMatch`: per word). Shared by every highlighter.
 */
export function snippetOfWords(
  text: string,
  words: readonly { start: number; end: number }[],
  isMatch: readonly boolean[],
  params: SnippetParams = DEFAULT_SNIPPET_PARAMS,
): SnippetPart[] {
  if (words.length === 0) return text ? [{ text, match: false }] : [];
  const size = Math.min(params.maxWords, words.length);
  let best = 0;
  let count = 0;
  for (let i = 0; i < size; i++) if (isMatch[i]) count++;
  let bestCount = count;
  for (let start = 1; start + size <= words.length; start++) {
    count += (isMatch[start + size - 1] ? 1 : 0) - (isMatch[start - 1] ? 1 : 0);
    if (count > bestCount) [best, bestCount] = [start, count];
  }
  const from = best === 0 ? 0 : words[best].start;
  const to = best + size >= words.length ? text.length : words[best + size - 1].end;
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ', match: false });
  let cursor = from;
  for (let i = best; i < best + size; i++) {
    if (!isMatch[i]) continue;
    if (words[i].start > cursor)
      parts.push({ text: text.slice(cursor, words[i].start), match: false });
    parts.push({ text: text.slice(words[i].start, words[i].end), match: true });
    cursor = words[i].end;
  }
  if (to > cursor) parts.push({ text: text.slice(cursor, to), match: false });
  if (to < text.length) parts.push({ text: ' …', match: false });
  return parts;
}
