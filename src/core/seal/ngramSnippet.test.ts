import { describe, expect, it } from 'vitest';
import { ngramRanges, ngramSnippet } from './ngramSnippet';

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
    expect(ngramRanges(text, '   ')).toEqual([]);
  });

  it('marks every word an n-gram touches, and nothing else', () => {
    const parts = ngramSnippet(text, [' sulphuric acid', 'hide']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['sulphuric', 'acid', 'hide']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('treats regular-expression characters in an n-gram as text', () => {
    expect(ngramRanges('cost (in $) is 5', '( in $ )')).toEqual([[5, 11]]);
  });
});
