import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packDocs, unpackDocs } from './packedDocs';

const doc = fc.record({
  id: fc.string(),
  title: fc.string(),
  text: fc.string({ unit: 'grapheme' }),
});

describe('documents packed for the page', () => {
  it('come out as they went in: ids, titles, texts (empty, non-ASCII) and order', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 30 }), (docs) => {
        expect(unpackDocs(packDocs(docs))).toEqual(docs);
      }),
    );
  });

  it('refuse a pack whose parts disagree', () => {
    const packed = packDocs([
      { id: 'a', title: '', text: 'one' },
      { id: 'b', title: '', text: 'two' },
    ]);
    expect(() => unpackDocs({ ...packed, titles: [''] })).toThrow(/disagree/);
    expect(() => unpackDocs({ ...packed, texts: 'onetwothree' })).toThrow(/end at 6/);
  });
});
