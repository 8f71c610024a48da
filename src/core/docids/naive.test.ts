import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naiveScheme } from './naive';
import { checkDocids } from './validate';

const corpus = (n: number) => Array.from({ length: n }, (_, i) => `document ${i}`);

describe('naive docids', () => {
  it('gives a permutation of 0..N-1, zero-padded to digits(N-1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer(), (n, seed) => {
        const { docids } = naiveScheme.assign({ texts: corpus(n) }, { seed });
        expect(checkDocids(docids)).toEqual({ ok: true });
        const width = String(n - 1).length;
        expect(docids.every((d) => d.length === width)).toBe(true);
        const numbers = docids.map((d) => Number(d.join(''))).sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
    );
  });

  it('is deterministic per seed, and the seed matters', () => {
    const input = { texts: corpus(50) };
    const a = naiveScheme.assign(input, { seed: 1 });
    expect(naiveScheme.assign(input, { seed: 1 })).toEqual(a);
    expect(naiveScheme.assign(input, { seed: 2 }).docids).not.toEqual(a.docids);
    expect(a).toMatchObject({ scheme: 'naive', params: { seed: 1 } });
  });

  it('handles one document and none', () => {
    expect(naiveScheme.assign({ texts: ['only'] }, naiveScheme.defaults(1)).docids).toEqual([[0]]);
    expect(naiveScheme.assign({ texts: [] }, naiveScheme.defaults(0)).docids).toEqual([]);
  });
});
