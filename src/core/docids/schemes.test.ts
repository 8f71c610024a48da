import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedNext, buildTrie, lookup, ROOT, allowedFromNode, childNode } from '../decode/trie';
import { createRandom, randomInt } from '../random';
import { trainTokenizer } from '../text/tokenizer';
import { DOCID_SCHEMES, assignDocids, type DocidSchemeName } from './registry';
import { SEAL_SCHEME } from './seal';
import type { DocidAssignment } from './types';
import { checkDocids } from './validate';

const WORDS = ['lava', 'whale', 'violin', 'comet', 'ember', 'fjord', 'quartz', 'nebula', 'tundra'];

/** `n` documents of made-up text (words may repeat, titles often collide), with ids and titles. */
function corpus(n: number, seed: number) {
  const random = createRandom(seed);
  const pick = () => WORDS[randomInt(random, WORDS.length)];
  const texts = Array.from({ length: n }, () =>
    Array.from({ length: 3 + randomInt(random, 8) }, pick).join(' '),
  );
  // few distinct titles and some empty ones, so text docids must break ties
  const titles = texts.map((_, i) => (i % 4 === 3 ? '' : `${pick()} ${i % 3}`));
  const ids = texts.map((_, i) => `doc-${i}`);
  const tokenizer = trainTokenizer([...texts, ...titles], { vocabSize: 60, minFrequency: 1 });
  return { texts, titles, ids, tokenizer };
}

/** Everything a trie built over `a`'s docids accepts, found by walking it: sequence key → doc. */
function walk(a: DocidAssignment): Map<string, number> {
  const trie = buildTrie(a.docids, a.vocab.eos);
  const found = new Map<string, number>();
  const visit = (node: number, prefix: number[]) => {
    for (const token of allowedFromNode(trie, node)) {
      const child = childNode(trie, node, token);
      if (token === a.vocab.eos) found.set(prefix.join(' '), lookup(trie, prefix)!);
      else visit(child, [...prefix, token]);
    }
  };
  visit(ROOT, []);
  return found;
}

// SEAL assigns no identifier: its n-grams are checked against the n-gram index (core/seal)
const identifierSchemes = (Object.keys(DOCID_SCHEMES) as DocidSchemeName[]).filter(
  (name) => name !== SEAL_SCHEME,
);

describe.each(identifierSchemes)('%s docids', (name) => {
  it('constrain decoding to exactly the documents: trie walk and next-token sets equal brute force', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 1e6 }), (n, seed) => {
        const input = corpus(n, seed);
        const a = assignDocids(name, input, name === 'text' ? {} : { seed });
        expect(a.scheme).toBe(name);
        expect(a.docids).toHaveLength(n);
        expect(checkDocids(a.docids, a.vocab)).toEqual({ ok: true });
        expect(a.vocab.labels).toHaveLength(a.vocab.size);
        // every accepted sequence is one document's docid, and every docid is accepted
        const expected = new Map(a.docids.map((d, doc) => [d.join(' '), doc]));
        expect(walk(a)).toEqual(expected);
        // after every prefix of every docid the trie allows exactly the brute-force continuations
        const trie = buildTrie(a.docids, a.vocab.eos);
        for (const d of a.docids) {
          for (let len = 0; len <= d.length; len++) {
            const prefix = d.slice(0, len);
            const brute = new Set<number>();
            for (const other of a.docids) {
              if (other.length >= len && prefix.every((t, i) => other[i] === t)) {
                brute.add(len < other.length ? other[len] : a.vocab.eos);
              }
            }
            expect(allowedNext(trie, prefix)).toEqual([...brute].sort((x, y) => x - y));
          }
        }
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});

describe('atomic and text docids', () => {
  it('atomic: one token per document, labelled with its id', () => {
    const input = corpus(5, 1);
    const a = assignDocids('atomic', input);
    expect(a.docids).toEqual([[0], [1], [2], [3], [4]]);
    expect(a.vocab).toMatchObject({ size: 7, eos: 5, bos: 6 });
    expect(a.vocab.labels.slice(0, 5)).toEqual(input.ids);
  });

  it('text: the title in subwords when unique, with keywords or a number added when not', () => {
    const texts = ['molten lava flows downhill', 'lava lakes glow red', 'whales sing songs'];
    const titles = ['Lava', 'Lava', 'Whale song'];
    const tokenizer = trainTokenizer([...texts, ...titles], { vocabSize: 80, minFrequency: 1 });
    const a = assignDocids('text', { texts, titles, tokenizer });
    const shown = a.docids.map((d) =>
      d
        .map((t) => a.vocab.labels[t])
        .join('')
        .trim(),
    );
    expect(shown[0]).toBe('lava'); // the tokenizer lowercases
    expect(shown[1].startsWith('lava ')).toBe(true);
    expect(shown[2]).toBe('whale song');
    expect(new Set(shown).size).toBe(3);
  });

  it('text docids need a tokenizer', () => {
    expect(() => assignDocids('text', { texts: ['a'] })).toThrow(/subwords of a tokenizer/);
  });
});
