import { describe, expect, it } from 'vitest';
import { digitCount, toDigits } from './digits';
import { DOCID_BOS, DOCID_EOS, DOCID_VOCAB_SIZE, docidToString } from './types';
import { checkDocids } from './validate';

describe('docid tokens and strings', () => {
  it('reserves 10 digits plus EOS and BOS', () => {
    expect([DOCID_EOS, DOCID_BOS, DOCID_VOCAB_SIZE]).toEqual([10, 11, 12]);
  });

  it('writes one dash-separated group per token, so a prefix string prefixes the docid string', () => {
    expect(docidToString([3, 1, 0, 7])).toBe('3-1-0-7');
    expect(docidToString([3, 1, DOCID_EOS])).toBe('3-1-<eos>');
    expect(docidToString([3, 1, 0, 7]).startsWith(docidToString([3, 1]))).toBe(true);
    // no collision between token sequences that would concatenate alike
    expect(docidToString([1, 0])).not.toBe(docidToString([10]));
  });

  it('pads numbers to a fixed width', () => {
    expect([digitCount(0), digitCount(9), digitCount(10), digitCount(99), digitCount(100)]).toEqual(
      [1, 1, 2, 2, 3],
    );
    expect(toDigits(7, 3)).toEqual([0, 0, 7]);
    expect(toDigits(42, 1)).toEqual([4, 2]);
  });
});

describe('checkDocids', () => {
  it('accepts unique digit docids and names the first problem otherwise', () => {
    expect(checkDocids([[0, 1], [0, 2], [1]])).toEqual({ ok: true });
    expect(
      checkDocids([
        [0, 1],
        [0, 1],
      ]),
    ).toMatchObject({ ok: false, doc: 1 });
    expect(checkDocids([[0, 10]])).toMatchObject({ ok: false, doc: 0 });
    expect(checkDocids([[]])).toMatchObject({ ok: false, error: 'empty docid' });
  });
});
