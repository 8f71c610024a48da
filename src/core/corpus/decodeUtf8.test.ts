import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, firstInvalidUtf8, MAX_TEXT_BYTES } from './decodeUtf8';

describe('UTF-8 validation', () => {
  it('agrees with the platform decoder on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts any valid string and drops a BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const res = decodeUtf8(new TextEncoder().encode('\uFEFF' + s), 'f');
        expect(res.ok && res.value).toBe(s);
      }),
    );
  });

  it('names the line of the first bad byte', () => {
    const res = decodeUtf8(new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xff]), 'x.tsv');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res).toMatchObject({ file: 'x.tsv', line: 3 });
  });

  it('says when a file is UTF-16 or too large, instead of pointing at a byte', () => {
    const utf16 = decodeUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'c.jsonl');
    expect(!utf16.ok && utf16.error).toMatch(/^the file is UTF-16 text/);
    const huge = decodeUtf8(new Uint8Array(MAX_TEXT_BYTES + 2 ** 20), 'c.jsonl');
    expect(!huge.ok && huge.error).toBe(
      'the file is too large to read (257 MB; at most 256 MB per file)',
    );
  });
});
