import { describe, expect, it } from 'vitest';
import { makeSnippet } from './snippet';

const render = (parts: { text: string; match: boolean }[]) =>
  parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');

describe('makeSnippet', () => {
  it('highlights words whose analyzed term matches the query', () => {
    expect(render(makeSnippet('Volcanoes erupt when magma rises.', 'volcano eruption magma'))).toBe(
      '[Volcanoes] [erupt] when [magma] rises.',
    );
  });

  it('picks the window with the most matches and marks the cuts', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta iota kappa';
    expect(render(makeSnippet(text, 'theta iota', { maxWords: 3 }))).toBe('… eta [theta] [iota] …');
  });

  it('keeps markup as plain text (the page renders it as text)', () => {
    const parts = makeSnippet('<img src=x onerror=alert(1)> image', 'image');
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> image');
  });

  it('handles empty text and queries without terms', () => {
    expect(makeSnippet('', 'x')).toEqual([]);
    expect(render(makeSnippet('Plain words.', 'the'))).toBe('Plain words.');
  });
});
