import { describe, expect, it } from 'vitest';
import {
  analyze,
  countWords,
  createAnalyzer,
  defaultTermOf,
  normalizeToken,
  tokenizeWithSpans,
} from './analyzer';

describe('analyzer (Anserini default English chain)', () => {
  it('lowercases, drops the 33 Lucene stop words and Porter-stems', () => {
    expect(analyze('The Running of the Bulls is NOT in Spain')).toEqual(['run', 'bull', 'spain']);
  });

  it("strips possessives and keeps joined tokens like U.S.A, don't, 3.14 and 1,000", () => {
    expect(tokenizeWithSpans("Einstein's U.S.A. don't 3.14 1,000 a,b").map((t) => t.text)).toEqual([
      "Einstein's",
      'U.S.A',
      "don't",
      '3.14',
      '1,000',
      'a',
      'b',
    ]);
    expect(analyze("Einstein's theory")).toEqual(['einstein', 'theori']);
  });

  it('reports character spans for highlighting', () => {
    const text = 'Hot lava, cold ice';
    for (const span of tokenizeWithSpans(text))
      expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('handles empty text, punctuation only and non-Latin scripts', () => {
    expect(analyze('')).toEqual([]);
    expect(analyze('!!! ... ---')).toEqual([]);
    expect(analyze('Ölçü café 東京')).toEqual(['ölçü', 'café', '東', '京']);
    expect(countWords('one two, three')).toBe(3);
  });

  it('can keep stop words and skip stemming', () => {
    expect(createAnalyzer({ removeStopwords: false, stem: false })('The cats')).toEqual([
      'the',
      'cats',
    ]);
  });

  it('memoised default term: the same as normalizeToken, first call or repeated, past the memo limit', () => {
    const raws = ['Running', 'runs', 'The', "cat's", 'U.S.A', 'generalizations', '3.14', 'happy'];
    const expected = raws.map((r) => normalizeToken(r));
    expect(expected).toContain(null);
    expect(raws.map(defaultTermOf)).toEqual(expected);
    expect(raws.map(defaultTermOf)).toEqual(expected);
    // more distinct forms than the memo holds: it starts afresh and still answers the same
    for (let i = 0; i < 50_010; i++) defaultTermOf(`word${i}s`);
    expect(defaultTermOf('word7s')).toBe(normalizeToken('word7s'));
    expect(raws.map(defaultTermOf)).toEqual(expected);
  });
});
