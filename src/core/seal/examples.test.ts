import { describe, expect, it } from 'vitest';
import { DEFAULT_DSI_MIX } from '../dsi/examples';
import { createRandom } from '../random';
import { trainTokenizer } from '../text/tokenizer';
import { overlappingSpan, randomSpan, sealExamples } from './examples';

/** Is `span` a contiguous piece of `tokens`? */
const inside = (tokens: readonly number[], span: readonly number[]) =>
  tokens.some((_, s) => span.every((t, i) => tokens[s + i] === t));

describe('SEAL training spans', () => {
  it('randomSpan is a piece of the text of the asked length (the whole text when shorter)', () => {
    const random = createRandom(3);
    const text = [5, 6, 7, 8, 9, 10, 11];
    for (let i = 0; i < 50; i++) {
      const span = randomSpan(text, 3, random);
      expect(span).toHaveLength(3);
      expect(inside(text, span)).toBe(true);
    }
    expect(randomSpan([1, 2], 5, random)).toEqual([1, 2]);
  });

  it('overlappingSpan takes the window holding most of the query, among the best ones', () => {
    const text = [1, 2, 3, 9, 8, 7, 4, 9, 8, 5];
    const query = new Set([9, 8, 7]);
    // windows of 3: [9,8,7] (start 3) holds all three query tokens; nothing else does
    for (let seed = 0; seed < 20; seed++) {
      expect(overlappingSpan(text, query, 3, createRandom(seed))).toEqual([9, 8, 7]);
    }
  });

  it('every target is an n-gram of its own document, no longer than asked; titles for questions', () => {
    const docTexts = ['Venus hot planet thick clouds of acid', 'Mars red planet with dust storms'];
    const titles = ['Venus', 'Mars'];
    const tokenizer = trainTokenizer(docTexts, { vocabSize: 80, minFrequency: 1 });
    const docTokens = docTexts.map((t) => tokenizer.encode(t));
    const titleTokens = titles.map((t) => tokenizer.encode(t).length);
    const examples = sealExamples(
      {
        docTokens,
        titleTokens,
        docTexts,
        queries: [{ text: 'which planet has acid clouds', doc: 0 }],
        pseudo: [{ text: 'dust storms', doc: 1 }],
      },
      tokenizer,
      16,
      { ...DEFAULT_DSI_MIX, indexing: 2 },
      4,
      createRandom(1),
    );
    // 2 docs × 2 indexing copies + (query, pseudo) × (span + title)
    expect(examples.map((e) => e.kind)).toEqual([
      'indexing',
      'indexing',
      'indexing',
      'indexing',
      'query',
      'query',
      'pseudo',
      'pseudo',
    ]);
    for (const e of examples) {
      expect(e.target!.length).toBeGreaterThan(0);
      expect(e.target!.length).toBeLessThanOrEqual(4);
      expect(inside(docTokens[e.doc], e.target!)).toBe(true);
    }
    expect(examples[5].target).toEqual(tokenizer.encode('Venus'));
    expect(tokenizer.decode(examples[4].target!)).toMatch(/acid/);
  });
});
