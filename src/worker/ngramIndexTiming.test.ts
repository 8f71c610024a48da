import { describe, expect, it } from 'vitest';
import { trainTokenizer } from '../core/text/tokenizer';
import { measureNgramIndex } from './ngramIndexTiming';

describe('measureNgramIndex', () => {
  it('indexes every subword of every document, about 8 bytes per token', () => {
    const texts = ['red apples and green apples', 'blue sky, grey sky', 'apple pie'];
    const params = { vocabSize: 60, minFrequency: 1 };
    const timing = measureNgramIndex(texts, params);
    const tokenizer = trainTokenizer(texts, params);
    const tokens = texts.reduce((n, t) => n + tokenizer.encode(t).length, 0);
    expect(timing.tokens).toBe(tokens);
    // text and suffix array: 4 bytes each per token and separator, plus document starts
    expect(timing.bytes).toBe(8 * (tokens + texts.length) + 4 * (texts.length + 1));
    expect(timing.tokenizeMs).toBeGreaterThanOrEqual(0);
    expect(timing.buildMs).toBeGreaterThanOrEqual(0);
  });
});
