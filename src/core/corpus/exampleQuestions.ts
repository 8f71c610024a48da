import type { Corpus, Query } from './types';

/** The test questions with judgments, in the corpus's query order (as Compare's picker lists them). */
export function judgedTestQuestions(corpus: Corpus): Query[] {
  const test = corpus.qrels.test;
  return test ? corpus.queries.filter((q) => test.has(q.id)) : [];
}

/**
 * Up to `count` of the corpus's own questions to offer as examples, spread evenly over the list so
 * they cover several topics: its held-out test questions when it has judged ones, else any of its
 * queries; none for a corpus without queries. The same corpus always gives the same examples.
 */
export function exampleQuestions(corpus: Corpus, count: number): Query[] {
  const judged = judgedTestQuestions(corpus);
  const seen = new Set<string>();
  const pool = (judged.length > 0 ? judged : corpus.queries).filter((q) => {
    const text = q.text.trim();
    if (text === '' || seen.has(text)) return false;
    seen.add(text);
    return true;
  });
  const n = Math.min(Math.max(0, Math.floor(count)), pool.length);
  return Array.from({ length: n }, (_, i) => pool[Math.floor((i * pool.length) / n)]);
}
