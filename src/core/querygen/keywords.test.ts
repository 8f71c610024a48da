import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { LUCENE_ENGLISH_STOPWORDS } from '../text/analyzer';
import {
  keywordCandidates,
  keywordQueryCandidates,
  weightedSampleWithoutReplacement,
  type KeywordCandidate,
} from './keywords';

describe('weightedSampleWithoutReplacement', () => {
  it('draws distinct indices, at most k, never of weight ≤ 0', () => {
    const random = createRandom(3);
    for (let trial = 0; trial < 200; trial++) {
      const picked = weightedSampleWithoutReplacement([1, 0, 2, 3, -1, 0.5], 3, random);
      expect(new Set(picked).size).toBe(3);
      expect(picked).not.toContain(1);
      expect(picked).not.toContain(4);
    }
    expect(weightedSampleWithoutReplacement([1, 2], 5, random).sort()).toEqual([0, 1]);
  });

  it('favours heavier items', () => {
    const random = createRandom(11);
    const firsts = [0, 0, 0];
    for (let trial = 0; trial < 3000; trial++)
      firsts[weightedSampleWithoutReplacement([1, 2, 7], 1, random)[0]]++;
    // P(first) ∝ weight: 0.1, 0.2, 0.7
    expect(firsts[0] / 3000).toBeCloseTo(0.1, 1);
    expect(firsts[2] / 3000).toBeCloseTo(0.7, 1);
  });
});

describe('keywordCandidates', () => {
  const texts = [
    'Volcanoes erupt when magma rises. An eruption of volcanoes in 1980 spread ash; the eruption hit 11 states at 3 °C.',
    "Glaciers carve valleys as the Earth's ice sheets advance and retreat.",
    'Stars fuse hydrogen into helium in their cores.',
    'The and of to in.',
  ];
  const pools = keywordCandidates(texts, 100);

  it('shows each stemmed term as its most frequent surface form in the document', () => {
    const words = pools[0].map((c) => c.word);
    expect(words).toContain('volcanoes'); // "volcanoes" twice, "volcano" never
    expect(words).toContain('eruption'); // "eruption" twice, "erupt" once: both stem to "erupt"
    expect(words).not.toContain('erupt');
    expect(pools[1].map((c) => c.word)).toContain('earth'); // possessive dropped, as the analyzer does
  });

  it('skips stop words, lone letters and one- or two-digit numbers but keeps longer numbers', () => {
    const words = pools[0].map((c) => c.word);
    expect(words).toContain('1980');
    expect(words).not.toContain('11');
    expect(words).not.toContain('3');
    expect(words).not.toContain('c');
    for (const w of words) expect(LUCENE_ENGLISH_STOPWORDS.has(w)).toBe(false);
  });

  it('orders each pool by weight, heaviest first, and caps it', () => {
    for (const pool of pools)
      for (let i = 1; i < pool.length; i++)
        expect(pool[i - 1].weight).toBeGreaterThanOrEqual(pool[i].weight);
    expect(keywordCandidates(texts, 2).every((p) => p.length <= 2)).toBe(true);
  });

  it('gives a document of stop words an empty pool', () => {
    expect(pools[3]).toEqual([]);
  });
});

describe('keywordQueryCandidates', () => {
  const pool: KeywordCandidate[] = [
    { word: 'magma', weight: 0.5, firstPosition: 3 },
    { word: 'volcanoes', weight: 0.4, firstPosition: 0 },
    { word: 'ash', weight: 0.3, firstPosition: 9 },
    { word: 'eruption', weight: 0.2, firstPosition: 6 },
    { word: 'states', weight: 0.1, firstPosition: 12 },
  ];

  it('writes the drawn words in document order, within the word bounds', () => {
    const order = (w: string) => pool.find((c) => c.word === w)!.firstPosition;
    const gen = keywordQueryCandidates(pool, 2, 4, createRandom(5));
    for (let i = 0; i < 50; i++) {
      const words = (gen.next().value as string).split(' ');
      expect(words.length).toBeGreaterThanOrEqual(2);
      expect(words.length).toBeLessThanOrEqual(4);
      expect(new Set(words).size).toBe(words.length);
      const positions = words.map(order);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('yields a small pool once, whole, and an empty pool not at all', () => {
    expect([...keywordQueryCandidates(pool.slice(0, 2), 3, 6, createRandom(1))]).toEqual([
      'volcanoes magma',
    ]);
    expect([...keywordQueryCandidates([], 3, 6, createRandom(1))]).toEqual([]);
  });
});
