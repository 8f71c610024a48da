import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, randomInt } from '../random';
import { createAnalyzer } from '../text/analyzer';
import { defaultLeafSize, semanticScheme, type SemanticParams } from './semantic';
import { docidToString } from './types';
import { checkDocids } from './validate';

const SYLLABLES = ['zor', 'mik', 'tal', 'pen', 'rud', 'vox', 'lem', 'quin', 'dar', 'fip'];

/** `n` documents of 4–12 made-up words each, drawn from `vocabulary`. */
function corpus(n: number, seed: number, vocabulary: string[]): string[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () =>
    Array.from(
      { length: 4 + randomInt(random, 9) },
      () => vocabulary[randomInt(random, vocabulary.length)],
    ).join(' '),
  );
}
const WORDS = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => a + b)); // 100 words

/** 3 topics, `perTopic` documents each, every topic with its own 15 words; topic of doc i is ⌊i / perTopic⌋. */
function topicCorpus(perTopic: number, seed: number): string[] {
  return [0, 1, 2].flatMap((t) => corpus(perTopic, seed + t, WORDS.slice(t * 15, (t + 1) * 15)));
}

function params(overrides: Partial<SemanticParams>, n: number): SemanticParams {
  return { ...semanticScheme.defaults(n), ...overrides };
}

describe('semantic docids', () => {
  it('are unique digit strings for random corpora of 1..300 documents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 1, max: 30 }),
        (n, seed, k, c) => {
          const texts = corpus(n, seed, WORDS);
          const { docids } = semanticScheme.assign(
            { texts },
            params({ k, c, seed, lsaDims: 16 }, n),
          );
          expect(docids).toHaveLength(n);
          expect(checkDocids(docids)).toEqual({ ok: true });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('is deterministic per seed', () => {
    const texts = corpus(120, 3, WORDS);
    const p = params({ c: 10 }, 120);
    expect(semanticScheme.assign({ texts }, p)).toEqual(semanticScheme.assign({ texts }, p));
  });

  it('gives documents on one topic the same first digit, and different topics different ones', () => {
    const topic = (i: number) => Math.floor(i / 20);
    for (const seed of [0, 1, 2, 3, 4]) {
      const texts = topicCorpus(20, seed * 3);
      for (const k of [3, 10]) {
        const { docids } = semanticScheme.assign(
          { texts },
          params({ k, c: 5, seed }, texts.length),
        );
        const topicsByDigit = new Map<number, Set<number>>();
        docids.forEach((d, i) =>
          topicsByDigit.set(d[0], (topicsByDigit.get(d[0]) ?? new Set()).add(topic(i))),
        );
        // no first-level cluster mixes topics …
        for (const topics of topicsByDigit.values()) expect(topics.size).toBe(1);
        // … and with k = 3 the first digit is exactly the topic
        if (k === 3) expect(topicsByDigit.size).toBe(3);
      }
    }
  });

  it('ends each docid with the leaf number, digits(c-1) wide, numbering each leaf 0..m-1 with m ≤ c', () => {
    for (const c of [1, 7, 10, 25]) {
      const texts = corpus(200, c, WORDS);
      const { docids } = semanticScheme.assign({ texts }, params({ c }, 200));
      const width = String(c - 1).length;
      const leaves = new Map<string, number[]>();
      for (const d of docids) {
        expect(d.every((t) => Number.isInteger(t) && t >= 0 && t <= 9)).toBe(true);
        const path = docidToString(d.slice(0, d.length - width));
        leaves.set(path, [...(leaves.get(path) ?? []), Number(d.slice(d.length - width).join(''))]);
      }
      for (const numbers of leaves.values()) {
        expect(numbers.length).toBeLessThanOrEqual(c);
        expect([...numbers].sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i));
      }
      // leaves are not inside one another, so the docids are prefix-free even before EOS
      const ids = docids.map(docidToString);
      for (const a of ids)
        for (const b of ids) if (a !== b) expect(b.startsWith(`${a}-`)).toBe(false);
    }
  });

  it('labels every cluster with top terms, keyed by prefixes of real docids', () => {
    const texts = topicCorpus(20, 2);
    const { docids, clusterTerms } = semanticScheme.assign(
      { texts },
      params({ k: 3, c: 5 }, texts.length),
    );
    const ids = docids.map(docidToString);
    const keys = Object.keys(clusterTerms ?? {});
    expect(keys.length).toBeGreaterThan(3);
    for (const key of keys) {
      expect(ids.some((id) => id.startsWith(`${key}-`))).toBe(true);
      expect(clusterTerms![key].length).toBeGreaterThan(0);
      expect(clusterTerms![key].length).toBeLessThanOrEqual(5);
    }
    // a first-level cluster's terms come from its topic's vocabulary
    const analyze = createAnalyzer();
    const topicOf = new Map(WORDS.slice(0, 45).map((w, i) => [analyze(w)[0], Math.floor(i / 15)]));
    for (const digit of [0, 1, 2]) {
      const topics = new Set(clusterTerms![String(digit)].map((t) => topicOf.get(t)));
      expect(topics.size).toBe(1);
    }
  });

  it('still terminates and stays unique when documents cannot be told apart', () => {
    const texts = [
      ...Array.from({ length: 150 }, () => 'same words here'),
      ...Array.from({ length: 30 }, () => ''),
    ];
    const { docids } = semanticScheme.assign({ texts }, params({ c: 10 }, texts.length));
    expect(checkDocids(docids)).toEqual({ ok: true });
    expect(Math.max(...docids.map((d) => d.length))).toBeLessThanOrEqual(4);
  });

  it('handles a corpus smaller than one leaf, and an empty one', () => {
    expect(semanticScheme.assign({ texts: ['a b', 'c d'] }, params({ c: 10 }, 2))).toMatchObject({
      docids: [[0], [1]],
      clusterTerms: {},
    });
    expect(semanticScheme.assign({ texts: [] }, params({}, 0)).docids).toEqual([]);
  });

  it('clusters the given vectors instead of LSA when supplied', () => {
    const texts = Array.from({ length: 40 }, (_, i) => `doc ${i}`);
    const vectors = texts.map((_, i) => Float32Array.of(i < 20 ? 0 : 10, (i % 20) * 0.01));
    const { docids } = semanticScheme.assign({ texts, vectors }, params({ k: 2, c: 20 }, 40));
    expect(new Set(docids.slice(0, 20).map((d) => d[0])).size).toBe(1);
    expect(new Set(docids.slice(20).map((d) => d[0])).size).toBe(1);
    expect(docids[0][0]).not.toBe(docids[20][0]);
  });

  it('scales the default leaf size with the corpus', () => {
    expect(defaultLeafSize(156)).toBe(10);
    expect(defaultLeafSize(5183)).toBe(52);
    expect(defaultLeafSize(100_000)).toBe(100);
    expect(semanticScheme.defaults(5000)).toEqual({ k: 10, c: 50, lsaDims: 64, seed: 0 });
  });
});
