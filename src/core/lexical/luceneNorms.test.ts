import { describe, expect, it } from 'vitest';
import { byte4ToInt, intToByte4, luceneRoundedLength } from './luceneNorms';

describe('Lucene SmallFloat length encoding', () => {
  it('keeps small lengths exact', () => {
    for (let i = 0; i < 24; i++) expect(luceneRoundedLength(i)).toBe(i);
  });

  it('rounds larger lengths down to four significant bits', () => {
    // 24 + (bits|8) << shift: 100 - 24 = 76 = 0b1001100 → keeps 0b1001 << 3 = 72 → 96
    expect(luceneRoundedLength(100)).toBe(96);
    expect(luceneRoundedLength(31)).toBe(31);
    expect(luceneRoundedLength(40)).toBe(40);
    expect(luceneRoundedLength(41)).toBe(40);
  });

  it('is monotone, never rounds up, and fits in a byte', () => {
    let prev = -1;
    for (let i = 0; i < 100_000; i += 7) {
      const b = intToByte4(i);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(255);
      const back = byte4ToInt(b);
      expect(back).toBeLessThanOrEqual(i);
      expect(back).toBeGreaterThanOrEqual(prev);
      prev = back;
    }
    expect(intToByte4(0x7fffffff)).toBe(255);
  });
});
