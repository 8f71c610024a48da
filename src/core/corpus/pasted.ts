import { fail, type Doc, type Parsed } from './types';

/**
 * Pasted text, one document per paragraph (paragraphs are separated by blank lines). A short first
 * line without final punctuation becomes the title.
 */
export function parsePastedText(text: string): Parsed<Doc[]> {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (paragraphs.length === 0)
    return fail('nothing to load: paste at least one paragraph', 'pasted text');
  const docs = paragraphs.map((p, i): Doc => {
    const newline = p.indexOf('\n');
    const first = newline > 0 ? p.slice(0, newline).trim() : '';
    const isTitle = first !== '' && first.length <= 120 && !/[.!?:;,]$/.test(first);
    return {
      id: `p${i + 1}`,
      title: isTitle ? first : '',
      text: isTitle ? p.slice(newline + 1).trim() : p,
    };
  });
  return { ok: true, value: docs, warnings: [] };
}
