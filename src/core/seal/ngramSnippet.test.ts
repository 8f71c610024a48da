import { describe, expect, it } from 'vitest';
import { ngramRanges, ngramSnippet, quotedNgrams } from './ngramSnippet';

describe('n-gram highlights', () => {
  const text = 'Venus has thick clouds of sulphuric acid, and THICK Clouds hide it.';

  it('finds an n-gram as the tokenizer wrote it, whatever the case and punctuation spacing', () => {
    expect(ngramRanges(text, ' thick clouds of')).toEqual([[10, 25]]);
    expect(ngramRanges(text, 'thick clouds')).toEqual([
      [10, 22],
      [46, 58],
    ]);
    expect(ngramRanges(text, 'ulphuric acid ,')).toEqual([[27, 41]]);
    expect(ngramRanges(text, 'no such words')).toEqual([]);
    // a leading space starts a word: " cid" is no match inside "acid", "cid" is
    expect(ngramRanges(text, ' cid')).toEqual([]);
    expect(ngramRanges(text, 'cid')).toEqual([[37, 40]]);
    expect(ngramRanges(text, '   ')).toEqual([]);
  });

  it('marks every word an n-gram touches, and nothing else', () => {
    const parts = ngramSnippet(text, [' sulphuric acid', 'hide']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['sulphuric', 'acid', 'hide']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('shows every n-gram, however far apart, in fragments of a few words joined by …', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const long = `${filler(30)} alpha beta ${filler(40)} gamma. ${filler(30)}`;
    const parts = ngramSnippet(long, ['gamma', 'alpha beta', 'absent words']);
    const shown = parts.map((p) => p.text).join('');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['alpha', 'beta', 'gamma']);
    expect(shown).toBe(
      '… w24 w25 w26 w27 w28 w29 alpha beta w0 w1 w2 w3 w4 w5 … w34 w35 w36 w37 w38 w39 gamma. w0 w1 w2 w3 w4 w5 …',
    );
  });

  it('without an n-gram in the text, shows its opening words unmarked', () => {
    const parts = ngramSnippet(text, ['nothing here']);
    expect(parts.every((p) => !p.match)).toBe(true);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('treats regular-expression characters in an n-gram as text', () => {
    expect(ngramRanges('cost (in $) is 5', '( in $ )')).toEqual([[5, 11]]);
  });

  it('quotes the first n-grams of a list and counts the rest', () => {
    expect(quotedNgrams([' thick clouds', 'acid '], 3)).toBe('“thick clouds”, “acid”');
    expect(quotedNgrams(['a', ' b', 'c', 'd'], 2)).toBe('“a”, “b” and 2 more');
  });
});
