import { describe, expect, it } from 'vitest';
import { DEFAULT_DSI_MIX } from '../dsi/examples';
import { createRandom } from '../random';
import { wordStartTokens } from '../docids/seal';
import { trainTokenizer, WORD_START } from '../text/tokenizer';
import { overlappingSpan, sealExamples, spanInWindow } from './examples';

/** Is `span` a contiguous piece of `tokens`? */
const inside = (tokens: readonly number[], span: readonly number[]) =>
  tokens.some((_, s) => span.every((t, i) => tokens[s + i] === t));

describe('SEAL training spans', () => {
  // words: tokens ≥ 100 start a word, smaller ones continue it
  const starts = new Set([100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);

  it('spanInWindow draws whole words of the text, at most the asked length, inside its window', () => {
    const random = createRandom(3);
    const text = [100, 1, 101, 102, 2, 3, 103, 104, 105];
    const seen = new Set<string>();
    const windows = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const { span, window } = spanInWindow(text, 4, 3, starts, random);
      expect(span.length).toBeGreaterThan(0);
      expect(span.length).toBeLessThanOrEqual(3);
      expect(starts.has(span[0])).toBe(true);
      // the window is srcLen tokens of the text and holds the span
      expect(window[1] - window[0]).toBe(4);
      expect(inside(text.slice(window[0], window[1]), span)).toBe(true);
      // the token after the span starts a word (or the text ends)
      const at = text.findIndex((_, s) => span.every((t, j) => text[s + j] === t));
      const after = text[at + span.length];
      expect(after === undefined || starts.has(after)).toBe(true);
      seen.add(span.join(' '));
      windows.add(window.join('-'));
    }
    expect(seen).toEqual(new Set(['100 1 101', '101', '102 2 3', '103 104 105', '104 105', '105']));
    // every window that holds a drawable span is drawn (4-8 holds none: "103" goes on to 105)
    expect(windows).toEqual(new Set(['0-4', '1-5', '2-6', '3-7', '5-9']));
    // shorter than the window: the whole text; no word start at all: any position may start
    expect(spanInWindow([1, 2], 5, 5, starts, random).window).toEqual([0, 2]);
    expect([[1, 2], [2]]).toContainEqual(spanInWindow([1, 2], 5, 5, starts, random).span);
  });

  it('overlappingSpan takes the whole-word window holding most of the query', () => {
    const text = [101, 102, 103, 109, 108, 107, 104, 109, 108, 105];
    const query = new Set([109, 108, 107]);
    for (let seed = 0; seed < 20; seed++) {
      expect(overlappingSpan(text, query, 3, starts, createRandom(seed))).toEqual([109, 108, 107]);
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
        wordStarts: wordStartTokens(tokenizer.vocab.map((p) => p.replaceAll(WORD_START, ' '))),
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
      // a document's own span is read from its input (the same tokens), for copying
      if (e.kind === 'indexing') expect(inside(e.src, e.target!)).toBe(true);
      expect(e.target!.length).toBeGreaterThan(0);
      expect(e.target!.length).toBeLessThanOrEqual(4);
      expect(inside(docTokens[e.doc], e.target!)).toBe(true);
    }
    expect(examples[5].target).toEqual(tokenizer.encode('Venus'));
    // the best windows tie ("planet … clouds", "clouds of acid"): either holds "clouds"
    expect(tokenizer.decode(examples[4].target!)).toMatch(/clouds/);
  });
});
