import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SEPARATOR,
  buildNgramIndex,
  countOf,
  docOfPosition,
  docsOf,
  extendRange,
  indexBytes,
  locate,
  nextTokens,
  rangeOf,
  rootRange,
  type NgramIndex,
} from './ngramIndex';

/** Corpora of 0–12 documents of 0–40 tokens, from a small or a larger alphabet. */
const corpora = fc.oneof(
  ...[4, 50].map((maxToken) =>
    fc.array(fc.array(fc.integer({ min: 0, max: maxToken }), { maxLength: 40 }), {
      maxLength: 12,
    }),
  ),
);

/** A corpus with n-grams to probe: slices of its documents (they occur) and random ones. */
const corpusAndNgrams = corpora.chain((docs) => {
  const random = fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 1, maxLength: 4 });
  const slice =
    docs.length === 0
      ? random
      : fc
          .tuple(
            fc.nat({ max: docs.length - 1 }),
            fc.nat({ max: 40 }),
            fc.integer({ min: 1, max: 6 }),
          )
          .map(([d, start, length]) => {
            const from = Math.min(start, docs[d].length);
            return docs[d].slice(from, from + length);
          });
  return fc.tuple(fc.constant(docs), fc.array(fc.oneof(slice, random), { maxLength: 10 }));
});

/** Every (doc, position) where `ngram` starts, by scanning each document (empty: every token). */
function scan(docs: number[][], ngram: readonly number[]): [number, number][] {
  const hits: [number, number][] = [];
  const span = Math.max(ngram.length, 1);
  docs.forEach((doc, d) => {
    for (let p = 0; p + span <= doc.length; p++) {
      if (ngram.every((t, k) => doc[p + k] === t)) hits.push([d, p]);
    }
  });
  return hits;
}

/** Tokens that follow `ngram` inside some document, ascending. */
function followers(docs: number[][], ngram: readonly number[]): number[] {
  const next = new Set<number>();
  for (const [d, p] of scan(docs, ngram)) {
    if (p + ngram.length < docs[d].length) next.add(docs[d][p + ngram.length]);
  }
  return [...next].sort((a, b) => a - b);
}

/** Text position of token p of document d. */
const positionOf = (index: NgramIndex, d: number, p: number) => index.docStarts[d] + p;

describe('n-gram index (SEAL, suffix array)', () => {
  it('counts, locates and finds the documents of an n-gram as a scan does', () => {
    fc.assert(
      fc.property(corpusAndNgrams, ([docs, ngrams]) => {
        const index = buildNgramIndex(docs);
        for (const ngram of ngrams) {
          const hits = scan(docs, ngram);
          expect(countOf(index, ngram)).toBe(hits.length);
          const range = rangeOf(index, ngram);
          if (hits.length === 0) {
            expect(range).toBeNull();
            continue;
          }
          expect(range).not.toBeNull();
          if (!range) continue;
          expect(range.depth).toBe(ngram.length);
          const positions = hits.map(([d, p]) => positionOf(index, d, p));
          expect(Array.from(locate(index, range))).toEqual(positions);
          const perDoc = new Map<number, number>();
          for (const [d] of hits) perDoc.set(d, (perDoc.get(d) ?? 0) + 1);
          const { docs: found, counts } = docsOf(index, range);
          expect(Array.from(found)).toEqual([...perDoc.keys()]);
          expect(Array.from(counts)).toEqual([...perDoc.values()]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the tokens that follow an n-gram, ascending, and every token at the root', () => {
    fc.assert(
      fc.property(corpusAndNgrams, ([docs, ngrams]) => {
        const index = buildNgramIndex(docs);
        const used = [...new Set(docs.flat())].sort((a, b) => a - b);
        expect(Array.from(nextTokens(index, rootRange(index)))).toEqual(used);
        for (const ngram of ngrams) {
          const range = rangeOf(index, ngram);
          if (range) expect(Array.from(nextTokens(index, range))).toEqual(followers(docs, ngram));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('extends token by token to the same range as rangeOf', () => {
    fc.assert(
      fc.property(corpusAndNgrams, ([docs, ngrams]) => {
        const index = buildNgramIndex(docs);
        for (const ngram of ngrams) {
          let range = rootRange(index);
          for (let k = 0; k < ngram.length; k++) {
            const next = extendRange(index, range, ngram[k]);
            expect(next).toEqual(rangeOf(index, ngram.slice(0, k + 1)));
            if (!next) break;
            range = next;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never matches an n-gram across a document boundary', () => {
    const index = buildNgramIndex([[1, 2], [3], [], [2, 3]]);
    expect(countOf(index, [2, 3])).toBe(1);
    expect(Array.from(docsOf(index, rangeOf(index, [2, 3])!).docs)).toEqual([3]);
    const split = buildNgramIndex([[1, 2], [3]]);
    expect(countOf(split, [2, 3])).toBe(0);
    expect(rangeOf(split, [2, 3])).toBeNull();
    expect(Array.from(nextTokens(split, rangeOf(split, [2])!))).toEqual([]);
    expect(extendRange(split, rootRange(split), SEPARATOR)).toBeNull();
  });

  it('maps every text position to its document, and lays the text out as documented', () => {
    fc.assert(
      fc.property(corpora, (docs) => {
        const index = buildNgramIndex(docs);
        const tokens = docs.reduce((sum, doc) => sum + doc.length, 0);
        expect(index.docs).toBe(docs.length);
        expect(index.tokens).toBe(tokens);
        expect(Array.from(index.text)).toEqual(docs.flatMap((doc) => [...doc, SEPARATOR]));
        expect(index.docStarts.length).toBe(docs.length + 1);
        expect(index.docStarts[docs.length]).toBe(index.text.length);
        docs.forEach((doc, d) => {
          for (let p = 0; p <= doc.length; p++) {
            expect(docOfPosition(index, positionOf(index, d, p))).toBe(d);
          }
        });
        const root = rootRange(index);
        expect(root.hi - root.lo).toBe(tokens);
        expect(root.depth).toBe(0);
        expect(countOf(index, [])).toBe(tokens);
        expect(indexBytes(index)).toBe(4 * (2 * index.text.length + docs.length + 1));
      }),
    );
  });

  it('handles an empty corpus and empty documents', () => {
    const none = buildNgramIndex([]);
    expect(none.text.length).toBe(0);
    expect(countOf(none, [])).toBe(0);
    expect(countOf(none, [0])).toBe(0);
    expect(rangeOf(none, [])).toBeNull();
    expect(Array.from(nextTokens(none, rootRange(none)))).toEqual([]);
    const blanks = buildNgramIndex([[], [], []]);
    expect(Array.from(blanks.text)).toEqual([SEPARATOR, SEPARATOR, SEPARATOR]);
    expect(Array.from(blanks.docStarts)).toEqual([0, 1, 2, 3]);
    expect(docOfPosition(blanks, 1)).toBe(1);
    expect(() => docOfPosition(blanks, 3)).toThrow(RangeError);
  });

  it('reports progress with a fixed total, ending done', () => {
    const calls: [number, number][] = [];
    buildNgramIndex([[1, 2, 3]], (done, total) => calls.push([done, total]));
    expect(calls.length).toBeGreaterThan(1);
    expect(new Set(calls.map(([, total]) => total)).size).toBe(1);
    expect(calls.at(-1)![0]).toBe(calls.at(-1)![1]);
  });

  it('rejects a negative or non-integer token with a RangeError naming the document', () => {
    expect(() =>
      buildNgramIndex([
        [0, 1],
        [2, -1],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      buildNgramIndex([
        [0, 1],
        [2, -1],
      ]),
    ).toThrow(/Document 1 .* position 1/);
    expect(() => buildNgramIndex([[0.5]])).toThrow(/Document 0/);
    expect(() => buildNgramIndex([[], [], [Number.NaN]])).toThrow(/Document 2/);
  });
});
