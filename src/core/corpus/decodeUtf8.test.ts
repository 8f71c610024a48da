import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, firstInvalidUtf8 } from './decodeUtf8';

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
});
