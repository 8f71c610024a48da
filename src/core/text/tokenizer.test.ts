import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TOKENIZER_PARAMS,
  SPECIAL_TOKENS,
  WORD_START,
  loadTokenizer,
  pretokenize,
  trainTokenizer,
  type TokenizerJSON,
} from './tokenizer';

const CORPUS = [
  'The quick brown fox jumps over the lazy dog.',
  'A lazy dog sleeps; the quick fox runs (again) at 10:30!',
  'Generative retrieval maps queries to document identifiers with a seq2seq Transformer.',
  'Documents are indexed by training the model to generate their identifiers.',
  'The model retrieves documents by decoding identifiers with beam search over a trie.',
  'Über-naïve café owners serve crème brûlée, ½ price — ﬁne!',
];
const SMALL = { vocabSize: 120, minFrequency: 1 };
const normalised = (text: string) => pretokenize(text).join(' ');

interface PairCount {
  left: string;
  right: string;
  n: number;
}
const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
/** The documented order: higher count, then smaller merged string, then smaller left piece. */
const pairOrder = (x: PairCount, y: PairCount) =>
  y.n - x.n || compareText(x.left + x.right, y.left + y.right) || compareText(x.left, y.left);

/** Textbook BPE that recounts every pair before each merge: the reference for the fast trainer. */
function naiveBpe(texts: string[], vocabSize: number, minFrequency: number): string[] {
  const units = texts.flatMap(pretokenize).map((w) => [WORD_START, ...w]);
  const chars = new Map<string, number>();
  for (const u of units) for (const ch of u) chars.set(ch, (chars.get(ch) ?? 0) + 1);
  const alphabet = new Set([WORD_START]);
  for (const [ch, n] of [...chars].sort((x, y) => y[1] - x[1] || compareText(x[0], y[0])))
    if (alphabet.size < vocabSize - 4 && n >= minFrequency) alphabet.add(ch);
  const vocab = ['[PAD]', '[UNK]', '[BOS]', '[EOS]', ...[...alphabet].sort()];
  let symbols = units.map((u) => u.map((ch) => (alphabet.has(ch) ? ch : null)));
  while (vocab.length < vocabSize) {
    const counts = new Map<string, PairCount>();
    for (const s of symbols)
      for (let i = 0; i + 1 < s.length; i++) {
        const [left, right] = [s[i], s[i + 1]];
        if (left === null || right === null) continue;
        const key = JSON.stringify([left, right]);
        counts.set(key, { left, right, n: (counts.get(key)?.n ?? 0) + 1 });
      }
    const best = [...counts.values()].sort(pairOrder)[0];
    if (best === undefined || best.n < minFrequency) break;
    const merged = best.left + best.right;
    if (!vocab.includes(merged)) vocab.push(merged);
    symbols = symbols.map((s) => {
      const out: (string | null)[] = [];
      for (let i = 0; i < s.length; i++) {
        if (s[i] === best.left && s[i + 1] === best.right) {
          out.push(merged);
          i++;
        } else out.push(s[i]);
      }
      return out;
    });
  }
  return vocab;
}

describe('pretokenize (the normalisation decode restores)', () => {
  it('applies NFKC and lowercase, and makes each punctuation character its own word', () => {
    expect(pretokenize('Hello, WORLD! ﬁne 3.14 naïve')).toEqual(
      ['hello', ',', 'world', '!', 'fine', '3', '.', '14', 'naïve'],
    ); // prettier-ignore
    expect(normalised('  Hello,\tWORLD!\n')).toBe('hello , world !');
  });

  it('drops whitespace, control and format characters and the word-start marker', () => {
    expect(pretokenize(`a\u0000b\u200bc ${WORD_START}d`)).toEqual(['a', 'b', 'c', 'd']);
    expect(pretokenize('')).toEqual([]);
  });
});

describe('trainTokenizer', () => {
  const tok = trainTokenizer(CORPUS, SMALL);

  it('puts the special tokens first with fixed ids', () => {
    expect(tok.vocab.slice(0, 4)).toEqual(['[PAD]', '[UNK]', '[BOS]', '[EOS]']);
    expect(SPECIAL_TOKENS).toEqual({ pad: 0, unk: 1, bos: 2, eos: 3 });
    expect(DEFAULT_TOKENIZER_PARAMS).toEqual({ vocabSize: 8000, minFrequency: 2 });
  });

  it('round-trips training text to its normalised form', () => {
    for (const text of CORPUS) expect(tok.decode(tok.encode(text))).toBe(normalised(text));
  });

  it('round-trips any text over the known alphabet (property)', () => {
    const known = [...'abcdefghijklmnopqrstuvwxyzTHE0123.,;!() \t\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...known), { maxLength: 80 }), (chars) => {
        const text = chars.join('');
        expect(tok.decode(tok.encode(text))).toBe(normalised(text));
      }),
    );
  });

  it('round-trips any Unicode text it was trained on (property)', () => {
    // Any code point (lone surrogates included), mixed with letters, spaces and tricky NFKC cases.
    const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
    const unit = fc.oneof(fc.constantFrom(...'aB ,.\u0301\u00a0ﬁİΣ½\u2581'), anyCodePoint);
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (text) => {
        const own = trainTokenizer([text], { vocabSize: 500, minFrequency: 1 });
        expect(own.decode(own.encode(text))).toBe(normalised(text));
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips words longer than one chunk without inserting spaces', () => {
    const long = 'thequickbrownfox'.repeat(20);
    expect(tok.decode(tok.encode(`${long} dog`))).toBe(`${long} dog`);
  });

  it('maps unknown characters to [UNK] and drops them in decode', () => {
    const ids = tok.encode('the 東 dog');
    expect(ids).toContain(SPECIAL_TOKENS.unk);
    expect(tok.decode(ids)).toBe('the dog');
    expect(tok.encode('東京').filter((id) => id === SPECIAL_TOKENS.unk)).toHaveLength(2);
  });

  it('treats characters rarer than minFrequency as unknown', () => {
    const rare = trainTokenizer(['zebra aaa aaa bbb bbb'], { vocabSize: 50, minFrequency: 2 });
    expect(rare.vocab).not.toContain('z');
    expect(rare.encode('zebra')).toContain(SPECIAL_TOKENS.unk);
    expect(rare.encode('aaa')).not.toContain(SPECIAL_TOKENS.unk);
  });

  it('encodes empty or blank text as no ids', () => {
    expect(tok.encode('')).toEqual([]);
    expect(tok.encode(' \n\t ')).toEqual([]);
    expect(tok.decode([])).toBe('');
  });

  it('drops special tokens in decode and rejects ids outside the vocabulary', () => {
    const ids = tok.encode('the lazy dog');
    const { bos, eos, pad } = SPECIAL_TOKENS;
    expect(tok.decode([bos, ...ids, eos, pad, pad])).toBe('the lazy dog');
    expect(() => tok.decode([tok.vocabSize])).toThrow(RangeError);
  });

  it('learns frequent words as single pieces marked as word starts', () => {
    expect(tok.encode('the')).toEqual([tok.vocab.indexOf(`${WORD_START}the`)]);
    expect(tok.encode('the lazy dog').length).toBeLessThan('the lazy dog'.length);
  });

  it('respects vocabSize, keeps pieces unique and stops when no pair is frequent enough', () => {
    expect(tok.vocabSize).toBe(SMALL.vocabSize);
    expect(tok.vocab).toHaveLength(SMALL.vocabSize);
    expect(new Set(tok.vocab).size).toBe(tok.vocab.length);
    const tiny = trainTokenizer(['ab ab cd'], { vocabSize: 1000, minFrequency: 2 });
    // Alphabet a b ▁ (c and d are seen once), then ab and ▁ab; no pair is left with count 2.
    expect(tiny.vocab.slice(4)).toEqual(['a', 'b', WORD_START, 'ab', `${WORD_START}ab`]);
  });

  it('keeps the most frequent characters when the alphabet would not fit', () => {
    const narrow = trainTokenizer(['aaaa bbb cc d'], { vocabSize: 7, minFrequency: 1 });
    expect(narrow.vocab.slice(4)).toEqual(['a', 'b', WORD_START]);
  });

  it('learns the same vocabulary as textbook BPE that recounts every pair (property)', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcab'), minLength: 1, maxLength: 7 });
    const text = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 6 }),
        fc.integer({ min: 5, max: 40 }),
        fc.integer({ min: 1, max: 3 }),
        (texts, vocabSize, minFrequency) => {
          const fast = trainTokenizer(texts, { vocabSize, minFrequency });
          expect(fast.vocab).toEqual(naiveBpe(texts, vocabSize, minFrequency));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('breaks ties between equally frequent pairs by the smaller merged string', () => {
    // (a,b), (c,d), (▁,a) and (▁,c) all occur twice; "ab" sorts first.
    const ties = trainTokenizer(['cd ab cd ab'], { vocabSize: 10, minFrequency: 1 });
    expect(ties.toJSON().merges).toEqual([['a', 'b']]);
  });

  it('rejects params outside their range', () => {
    expect(() => trainTokenizer(CORPUS, { vocabSize: 4, minFrequency: 1 })).toThrow(RangeError);
    expect(() => trainTokenizer(CORPUS, { vocabSize: 100, minFrequency: 0 })).toThrow(RangeError);
  });

  it('works on an empty corpus (everything but the marker is unknown)', () => {
    const empty = trainTokenizer([], SMALL);
    expect(empty.vocab).toEqual(['[PAD]', '[UNK]', '[BOS]', '[EOS]', WORD_START]);
    expect(empty.encode('hi')).toEqual([4, SPECIAL_TOKENS.unk, SPECIAL_TOKENS.unk]);
  });
});

describe('determinism and persistence', () => {
  it('gives identical JSON when trained twice, whatever the order of the texts', () => {
    const a = trainTokenizer(CORPUS, SMALL).toJSON();
    expect(trainTokenizer(CORPUS, SMALL).toJSON()).toEqual(a);
    expect(trainTokenizer([...CORPUS].reverse(), SMALL).toJSON()).toEqual(a);
  });

  it('encodes identically after toJSON → JSON text → loadTokenizer', () => {
    const tok = trainTokenizer(CORPUS, SMALL);
    const json = JSON.parse(JSON.stringify(tok.toJSON())) as TokenizerJSON;
    const loaded = loadTokenizer(json);
    expect(loaded.vocab).toEqual(tok.vocab);
    expect(loaded.toJSON()).toEqual(tok.toJSON());
    for (const text of [...CORPUS, 'unseen wörds 東京 and more']) {
      expect(loaded.encode(text)).toEqual(tok.encode(text));
    }
  });

  it('rejects JSON that no trained tokenizer could have written', () => {
    const good = trainTokenizer(CORPUS, SMALL).toJSON();
    const bad = (patch: Partial<TokenizerJSON>) => ({ ...good, ...patch }) as TokenizerJSON;
    expect(() => loadTokenizer(bad({ kind: 'wordpiece' as 'bpe' }))).toThrow();
    expect(() => loadTokenizer(bad({ vocab: good.vocab.slice(1) }))).toThrow();
    expect(() => loadTokenizer(bad({ merges: [['q', 'zz']] }))).toThrow();
    expect(() => loadTokenizer(bad({ vocab: [...good.vocab, good.vocab[10]] }))).toThrow();
  });
});
