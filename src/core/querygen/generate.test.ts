import { describe, expect, it } from 'vitest';
import { LUCENE_ENGLISH_STOPWORDS, tokenizeWithSpans } from '../text/analyzer';
import { generatePseudoQueries } from './generate';
import { DEFAULT_QUERYGEN_PARAMS, normalizeQueryGenParams, type PseudoQuery } from './types';

const corpus = [
  'Mercury (planet) Mercury is the smallest planet in the Solar System and the one closest to the Sun, completing an orbit in just 88 Earth days. Because Mercury has almost no atmosphere, its surface swings from 430 °C in daylight to -180 °C at night.',
  'Mount Etna Etna is an active stratovolcano on the east coast of Sicily. Its eruptions send lava flows down the slopes and ash clouds over Catania; the volcano has erupted in most years since 2000.',
  'Photosynthesis Plants capture light with chlorophyll in their chloroplasts and use it to turn carbon dioxide and water into glucose, releasing oxygen as a by-product that animals breathe.',
  'Coral reefs Reefs are built by colonies of tiny polyps that secrete calcium carbonate skeletons. Warmer seas bleach the corals, expelling the algae that feed them and turning whole reefs white.',
  'Tides The gravity of the Moon and, to a lesser degree, the Sun raises two bulges in the oceans; as the Earth turns beneath them, coasts see two high tides and two low tides each day.',
];

const words = (text: string) => new Set(tokenizeWithSpans(text).map((t) => t.text.toLowerCase()));
const of = (qs: PseudoQuery[], strategy: PseudoQuery['strategy']) =>
  qs.filter((q) => q.strategy === strategy);

describe('generatePseudoQueries', () => {
  const queries = generatePseudoQueries(corpus);

  it('is deterministic for the same texts and params', () => {
    expect(generatePseudoQueries(corpus)).toEqual(queries);
  });

  it('gives perDoc queries per document per strategy, grouped by document', () => {
    expect(queries).toHaveLength(corpus.length * 2 * DEFAULT_QUERYGEN_PARAMS.perDoc);
    for (let doc = 0; doc < corpus.length; doc++) {
      const mine = queries.filter((q) => q.doc === doc);
      expect(of(mine, 'span')).toHaveLength(3);
      expect(of(mine, 'keywords')).toHaveLength(3);
    }
    expect(queries.map((q) => q.doc)).toEqual([...queries.map((q) => q.doc)].sort((a, b) => a - b));
  });

  it('cuts spans from the document within the length bounds', () => {
    for (const q of of(queries, 'span')) {
      expect(corpus[q.doc]).toContain(q.text);
      const n = tokenizeWithSpans(q.text).length;
      expect(n).toBeGreaterThanOrEqual(DEFAULT_QUERYGEN_PARAMS.spanMin);
      expect(n).toBeLessThanOrEqual(DEFAULT_QUERYGEN_PARAMS.spanMax);
    }
  });

  it('builds keyword queries from the document’s own words, none of them stop words', () => {
    for (const q of of(queries, 'keywords')) {
      const kws = q.text.split(' ');
      expect(kws.length).toBeGreaterThanOrEqual(DEFAULT_QUERYGEN_PARAMS.keywordsMin);
      expect(kws.length).toBeLessThanOrEqual(DEFAULT_QUERYGEN_PARAMS.keywordsMax);
      const vocabulary = words(corpus[q.doc]);
      for (const w of kws) {
        expect(vocabulary.has(w)).toBe(true);
        expect(LUCENE_ENGLISH_STOPWORDS.has(w)).toBe(false);
      }
    }
  });

  it('never repeats a (doc, text) pair', () => {
    const many = generatePseudoQueries(corpus, { ...DEFAULT_QUERYGEN_PARAMS, perDoc: 20 });
    const keys = many.map((q) => `${q.doc}\t${q.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('changes with the seed', () => {
    const other = generatePseudoQueries(corpus, { ...DEFAULT_QUERYGEN_PARAMS, seed: 2 });
    expect(of(other, 'span')).not.toEqual(of(queries, 'span'));
    expect(of(other, 'keywords')).not.toEqual(of(queries, 'keywords'));
  });

  it('keeps a document’s queries independent of the strategy order and of other documents', () => {
    const reversed = generatePseudoQueries(corpus, {
      ...DEFAULT_QUERYGEN_PARAMS,
      strategies: ['keywords', 'span'],
    });
    expect(of(reversed, 'span')).toEqual(of(queries, 'span'));
    const spansOnly = { ...DEFAULT_QUERYGEN_PARAMS, strategies: ['span' as const] };
    const neighbours = generatePseudoQueries(['Another first document.', corpus[1]], spansOnly);
    expect(neighbours.filter((q) => q.doc === 1)).toEqual(
      of(queries, 'span').filter((q) => q.doc === 1),
    );
  });

  it('gives a short document its whole text once, and fewer keyword queries', () => {
    const texts = [...corpus, 'Red dwarf stars.'];
    const short = generatePseudoQueries(texts).filter((q) => q.doc === corpus.length);
    expect(of(short, 'span').map((q) => q.text)).toEqual(['Red dwarf stars']);
    // three terms, fewer than keywordsMin: one keyword query of all three
    expect(of(short, 'keywords').map((q) => q.text)).toEqual(['red dwarf stars']);
  });

  it('returns [] for an empty corpus or perDoc 0', () => {
    expect(generatePseudoQueries([])).toEqual([]);
    expect(generatePseudoQueries(corpus, { ...DEFAULT_QUERYGEN_PARAMS, perDoc: 0 })).toEqual([]);
  });

  it('gives a document with no indexable words no keyword query', () => {
    const texts = [...corpus, 'The and of it, to 42 — is 7.'];
    const last = generatePseudoQueries(texts).filter((q) => q.doc === corpus.length);
    expect(of(last, 'keywords')).toEqual([]);
    expect(of(last, 'span')).toHaveLength(1);
  });

  it('uses only the strategies asked for', () => {
    const kw = generatePseudoQueries(corpus, {
      ...DEFAULT_QUERYGEN_PARAMS,
      strategies: ['keywords'],
    });
    expect(kw.every((q) => q.strategy === 'keywords')).toBe(true);
    expect(generatePseudoQueries(corpus, { ...DEFAULT_QUERYGEN_PARAMS, strategies: [] })).toEqual(
      [],
    );
  });
});

describe('normalizeQueryGenParams', () => {
  it('clamps settings into their ranges and drops repeated strategies', () => {
    expect(
      normalizeQueryGenParams({
        perDoc: 99,
        strategies: ['span', 'span'],
        spanMin: 0,
        spanMax: -3,
        keywordsMin: 5.7,
        keywordsMax: 2,
        seed: Number.NaN,
      }),
    ).toEqual({
      perDoc: 20,
      strategies: ['span'],
      spanMin: 1,
      spanMax: 1,
      keywordsMin: 5,
      keywordsMax: 5,
      seed: 1,
    });
    expect(normalizeQueryGenParams(DEFAULT_QUERYGEN_PARAMS)).toEqual(DEFAULT_QUERYGEN_PARAMS);
  });
});
