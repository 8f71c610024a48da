import type { Random } from '../random';
import { randomInt } from '../random';
import { normalizeToken, tokenizeWithSpans } from '../text/analyzer';
import { buildTfidf } from '../vectors/tfidf';

/** One of a document's heavy TF-IDF terms, as a word a person would type. */
export interface KeywordCandidate {
  /** The term's most frequent lowercased surface form in this document ("eruption", not "erupt"). */
  word: string;
  /** The term's TF-IDF weight in this document's L2-normalised row. */
  weight: number;
  /** Rank of the term's first occurrence among the document's terms; a query follows this order. */
  firstPosition: number;
}

/** Candidates kept per document, as a multiple of the most keywords in one query. */
export const KEYWORD_POOL_FACTOR = 4;

// Bare one- and two-digit numbers ("3", "42") and lone Latin letters ("c" of "°C") read as noise.
const UNREADABLE = /^(?:\p{N}{1,2}|\p{Script=Latin})$/u;
// The possessive the analyzer strips, so "earth's" reads as "earth".
const POSSESSIVE = /['’\uFF07]s$/;

/**
 * Per document, its `poolSize` heaviest TF-IDF terms (stemmed, stop words removed, as
 * `buildTfidf` sees them) mapped back to readable words, heaviest first.
 */
export function keywordCandidates(
  texts: readonly string[],
  poolSize: number,
): KeywordCandidate[][] {
  const matrix = buildTfidf(texts);
  // Each distinct readable word gets an integer id once, so the per-document pass only counts ints.
  const idOfToken = new Map<string, number>(); // raw token → word id, −1 for a stop word
  const idOfWord = new Map<string, number>();
  const words: string[] = [];
  const termOfWord: string[] = [];
  const wordId = (raw: string): number => {
    let id = idOfToken.get(raw);
    if (id === undefined) {
      const term = normalizeToken(raw);
      const word = raw.toLowerCase().replace(POSSESSIVE, '');
      id = term === null ? -1 : (idOfWord.get(word) ?? words.length);
      if (id === words.length) {
        idOfWord.set(word, id);
        words.push(word);
        termOfWord.push(term!);
      }
      idOfToken.set(raw, id);
    }
    return id;
  };

  const counts = new Map<number, number>(); // word id → count; insertion order = first appearance
  const best = new Map<string, { word: number; count: number; order: number }>();
  return texts.map((text, d) => {
    counts.clear();
    for (const token of tokenizeWithSpans(text)) {
      const id = wordId(token.text);
      if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // Per term, its most frequent word (ties: the one seen first) and when the term first appears.
    best.clear();
    for (const [id, count] of counts) {
      const term = termOfWord[id];
      const b = best.get(term);
      if (!b) best.set(term, { word: id, count, order: best.size });
      else if (count > b.count) [b.word, b.count] = [id, count];
    }

    const row = matrix.rows[d];
    const candidates: KeywordCandidate[] = [];
    for (let j = 0; j < row.indices.length; j++) {
      const b = best.get(matrix.terms[row.indices[j]]);
      if (!b || UNREADABLE.test(words[b.word])) continue;
      candidates.push({ word: words[b.word], weight: row.values[j], firstPosition: b.order });
    }
    candidates.sort((a, b) => b.weight - a.weight || a.firstPosition - b.firstPosition);
    return candidates.slice(0, poolSize);
  });
}

/**
 * `k` distinct indices drawn with probability proportional to `weights`, without replacement:
 * Efraimidis & Spirakis (2006), each item keyed by ln(u) / w, the k largest keys win.
 * Items of weight ≤ 0 are never drawn.
 */
export function weightedSampleWithoutReplacement(
  weights: readonly number[],
  k: number,
  random: Random,
): number[] {
  const keyed: [number, number][] = [];
  weights.forEach((w, i) => {
    if (w > 0) keyed.push([Math.log(random()) / w, i]);
  });
  keyed.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  return keyed.slice(0, Math.max(0, k)).map(([, i]) => i);
}

/**
 * Candidate keyword queries from one document's pool — a cheap stand-in for DSI-QG's generated
 * queries (Zhuang et al. 2022) in the spirit of docTTTTTquery's keyword-like outputs: `minWords`–
 * `maxWords` words drawn by TF-IDF weight, written in document order. A pool no larger than
 * `minWords` gives its single query once; otherwise it samples forever and the caller stops it.
 */
export function* keywordQueryCandidates(
  pool: readonly KeywordCandidate[],
  minWords: number,
  maxWords: number,
  random: Random,
): Generator<string> {
  const toQuery = (picked: KeywordCandidate[]) =>
    [...picked]
      .sort((a, b) => a.firstPosition - b.firstPosition)
      .map((c) => c.word)
      .join(' ');
  if (pool.length === 0) return;
  if (pool.length <= minWords) {
    yield toQuery([...pool]);
    return;
  }
  const hi = Math.min(maxWords, pool.length);
  const weights = pool.map((c) => c.weight);
  for (;;) {
    const k = minWords + randomInt(random, hi - minWords + 1);
    yield toQuery(weightedSampleWithoutReplacement(weights, k, random).map((i) => pool[i]));
  }
}
