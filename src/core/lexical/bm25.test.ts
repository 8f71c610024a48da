import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, createAnalyzer } from '../text/analyzer';
import { bm25Idf, bm25IndexBytes, buildBM25Index, calcBM25Score, searchBM25 } from './bm25';

const docs = [
  { text: 'The cat sat on the mat.' },
  { text: 'Dogs and cats living together; cats everywhere.' },
  { text: 'A treatise on the migration of birds.' },
  {
    text: 'Cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat cat.',
  },
];

describe('BM25', () => {
  it('uses Lucene idf, which stays positive for very common terms', () => {
    expect(bm25Idf(10, 10)).toBeGreaterThan(0);
    expect(bm25Idf(10, 1)).toBeCloseTo(Math.log(1 + 9.5 / 1.5), 12);
  });

  it('scores by hand: one term, exact lengths', () => {
    const index = buildBM25Index(docs, { k1: 0.9, b: 0.4, lengthEncoding: 'exact' });
    // analyzed lengths: [cat, sat, mat]=3, [dog, cat, live, togeth, cat, everywher]=6,
    // [treatis, migrat, bird]=3, 25 × cat = 25 → avg 37/4
    expect(index.avgDocLength).toBeCloseTo(37 / 4, 12);
    const hits = searchBM25(index, 'cats', 10);
    expect(hits.map((h) => h.doc)).toEqual([3, 1, 0]);
    const expected0 = calcBM25Score(1, 3, 4, 3, 37 / 4, index.params);
    expect(hits[2].score).toBeCloseTo(expected0, 6);
    const norm = 0.9 * (1 - 0.4 + (0.4 * 3) / (37 / 4));
    expect(expected0).toBeCloseTo(Math.log(1 + 1.5 / 3.5) / (1 + norm), 12);
  });

  it('counts the bytes of postings, their term offsets, norms and vocabulary', () => {
    const index = buildBM25Index(docs, { k1: 0.9, b: 0.4, lengthEncoding: 'exact' });
    // postings: cat in 3 docs, sat/mat/dog/live/togeth/everywher/treatis/migrat/bird in 1 each
    const postings = 3 + 9;
    const vocabulary = ['cat', 'sat', 'mat', 'dog', 'live', 'togeth', 'everywher', 'treatis']
      .concat(['migrat', 'bird'])
      .reduce((sum, t) => sum + 2 * t.length + 4, 0);
    expect(index.termIds.size).toBe(10);
    const termOffsets = (10 + 1) * 4;
    expect(bm25IndexBytes(index)).toBe(postings * (4 + 2) + termOffsets + 4 * 4 + vocabulary);
  });

  it('sums query terms and counts a repeated query term twice', () => {
    const index = buildBM25Index(docs);
    const once = searchBM25(index, 'birds', 1)[0].score;
    const twice = searchBM25(index, 'birds birds', 1)[0].score;
    expect(twice).toBeCloseTo(2 * once, 6);
    const both = searchBM25(index, 'migration mat', 10);
    expect(both.map((h) => h.doc).sort()).toEqual([0, 2]);
  });

  it('returns nothing for stop words only, unknown terms or an empty corpus', () => {
    const index = buildBM25Index(docs);
    expect(searchBM25(index, 'the of and', 10)).toEqual([]);
    expect(searchBM25(index, 'zebra', 10)).toEqual([]);
    expect(searchBM25(buildBM25Index([]), 'cat', 10)).toEqual([]);
  });

  it('breaks score ties by document order', () => {
    const index = buildBM25Index([
      { text: 'alpha beta' },
      { text: 'beta alpha' },
      { text: 'gamma' },
    ]);
    expect(searchBM25(index, 'alpha', 10).map((h) => h.doc)).toEqual([0, 1]);
  });

  it('holds the postings, lengths and word counts that a plain per-document count gives', () => {
    const word = fc.constantFrom('cat', 'Cats', 'the', 'dog', "dog's", 'é', '1,000', 'U.S.', 'ran');
    const doc = fc.array(word, { maxLength: 12 }).map((words) => ({ text: words.join(' ') }));
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 10 }), (corpus) => {
        const index = buildBM25Index(corpus);
        const analyzer = createAnalyzer();
        const postings = new Map<string, [number, number][]>();
        let total = 0;
        corpus.forEach((d, n) => {
          const terms = analyzer(d.text);
          total += terms.length;
          const tf = new Map<string, number>();
          for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
          for (const [t, f] of tf) postings.set(t, [...(postings.get(t) ?? []), [n, f]]);
        });
        expect(index.termIds.size).toBe(postings.size);
        for (const [term, expected] of postings) {
          const id = index.termIds.get(term)!;
          const at = (i: number) => index.postingStart[id] + i;
          const got = Array.from(
            index.postingDocs.subarray(at(0), index.postingStart[id + 1]),
            (d, i) => [d, index.postingFreqs[at(i)]],
          );
          expect(got).toEqual(expected);
        }
        expect(index.avgDocLength).toBeCloseTo(corpus.length ? total / corpus.length : 0, 10);
        expect(Array.from(index.wordCounts)).toEqual(corpus.map((d) => countWords(d.text)));
      }),
    );
  });
});
