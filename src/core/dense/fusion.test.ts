import { describe, expect, it } from 'vitest';
import { DEFAULT_RRF_PARAMS, reciprocalRankFusion, type FusionInput } from './fusion';

const list = (...docIds: string[]) => docIds.map((docId) => ({ docId }));

describe('reciprocalRankFusion', () => {
  it('adds weight / (k + rank) per method; weight 0 removes a method and its documents', () => {
    const inputs: FusionInput[] = [
      { name: 'bm25', weight: 1, hits: list('a', 'b', 'c') },
      { name: 'dense', weight: 0.5, hits: list('b', 'd', 'a') },
      { name: 'generative', weight: 0, hits: list('e', 'a') },
    ];
    const fused = reciprocalRankFusion(inputs);
    expect(DEFAULT_RRF_PARAMS.k).toBe(60);
    // a: 1/61 + 0.5/63 = 0.024330; b: 1/62 + 0.5/61 = 0.024326; c: 1/63 = 0.015873; d: 0.5/62 = 0.008065
    expect(fused.map((h) => h.docId)).toEqual(['a', 'b', 'c', 'd']);
    expect(fused[0].score).toBeCloseTo(0.02433, 5);
    expect(fused[1].score).toBeCloseTo(0.024326, 6);
    expect(fused[2].score).toBeCloseTo(1 / 63, 12);
    expect(fused[3].score).toBeCloseTo(0.5 / 62, 12);
    expect(fused[0].ranks).toEqual({ bm25: 1, dense: 3 });
    expect(fused[2].ranks).toEqual({ bm25: 3, dense: undefined });
    expect('generative' in fused[0].ranks).toBe(false);
  });

  it('breaks score ties by the best single rank, then by docId', () => {
    const fused = reciprocalRankFusion(
      [
        { name: 'A', weight: 1, hits: list('z', 'a', 'x1', 'x2', 'x3') },
        { name: 'B', weight: 1, hits: list('y1', 'a', 'y2', 'y3', 'z') },
      ],
      { k: 1 },
    );
    // z: 1/2 + 1/6 = 2/3 (best rank 1) ties a: 1/3 + 1/3 (best rank 2); x1 and y2 tie at 1/4, rank 3
    expect(fused.map((h) => h.docId)).toEqual(['z', 'a', 'y1', 'x1', 'y2', 'x2', 'y3', 'x3']);
    expect(fused[0].score).toBeCloseTo(2 / 3, 12);
    expect(fused[1].score).toBeCloseTo(2 / 3, 12);
  });

  it('counts a document once per method, at its first rank', () => {
    const fused = reciprocalRankFusion([{ name: 'm', weight: 2, hits: list('a', 'b', 'a') }], {
      k: 0,
    });
    expect(fused).toEqual([
      { docId: 'a', score: 2, ranks: { m: 1 } },
      { docId: 'b', score: 1, ranks: { m: 2 } },
    ]);
  });

  it('returns nothing for no methods or only zero weights', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([{ name: 'm', weight: 0, hits: list('a') }])).toEqual([]);
  });
});
