import { MAX_BPE_VOCAB, learnBpe, pairKey } from './bpeTrainer';

export interface TokenizerParams {
  /** Total vocabulary size including special tokens. Default 8000; range 500–32000. */
  vocabSize: number;
  /** Pairs/pieces seen fewer times are not merged. Default 2; range 1–100. */
  minFrequency: number;
}

export const DEFAULT_TOKENIZER_PARAMS: TokenizerParams = { vocabSize: 8000, minFrequency: 2 };

/** Fixed ids of the special tokens; `vocab[0..3]` are their names. */
export const SPECIAL_TOKENS = { pad: 0, unk: 1, bos: 2, eos: 3 } as const;
const SPECIAL_NAMES = ['[PAD]', '[UNK]', '[BOS]', '[EOS]'] as const;

/** Plain JSON form, stored with model checkpoints as `tokenizer.json`. */
export interface TokenizerJSON {
  kind: 'bpe';
  vocab: string[];
  merges: [string, string][];
}

export interface SubwordTokenizer {
  readonly vocab: readonly string[];
  readonly vocabSize: number;
  /** ids of the text's subwords (no BOS/EOS added); unknown characters map to [UNK] */
  encode(text: string): number[];
  /** text back from ids (specials dropped; words separated by single spaces) */
  decode(ids: readonly number[]): string;
  toJSON(): TokenizerJSON;
}

/** SentencePiece's word-start marker: the first piece of each word begins with it. */
export const WORD_START = '\u2581';

/**
 * Words are runs of letters, marks and digits, or one other visible character each.
 * Whitespace, control and format characters and the marker itself separate words and are dropped.
 */
const WORD = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}\p{Cc}\p{Cf}\u2581]/gu;

/** Longer words are cut into chunks (later ones unmarked) to bound the merge cost per word. */
const MAX_CHUNK = 64;

/** The word cache is cleared past this size so a long-lived tokenizer's memory stays bounded. */
const MAX_CACHE = 200_000;

/**
 * The tokenizer's normalisation: NFKC, lowercase, then words as defined by `WORD`.
 * `decode(encode(text))` is `pretokenize(text).join(' ')` when every character is in the vocab,
 * e.g. "Hello, WORLD!" → "hello , world !".
 */
export function pretokenize(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/** BPE units of one word: the marked word, or marked first chunk plus unmarked continuations. */
function wordUnits(word: string): string[] {
  if (word.length <= MAX_CHUNK) return [WORD_START + word];
  const chars = Array.from(word);
  const units: string[] = [];
  for (let i = 0; i < chars.length; i += MAX_CHUNK) {
    units.push((i === 0 ? WORD_START : '') + chars.slice(i, i + MAX_CHUNK).join(''));
  }
  return units;
}

function checkParams({ vocabSize, minFrequency }: TokenizerParams): void {
  if (
    !Number.isInteger(vocabSize) ||
    vocabSize <= SPECIAL_NAMES.length ||
    vocabSize > MAX_BPE_VOCAB
  )
    throw new RangeError(`vocabSize must be an integer in 5–${MAX_BPE_VOCAB}, got ${vocabSize}`);
  if (!Number.isInteger(minFrequency) || minFrequency < 1)
    throw new RangeError(`minFrequency must be a positive integer, got ${minFrequency}`);
}

/**
 * Learn a BPE vocabulary from the corpus texts. No randomness is involved: the same texts (in any
 * order) and params always give the same vocabulary and merges.
 */
export function trainTokenizer(
  texts: readonly string[],
  params: TokenizerParams = DEFAULT_TOKENIZER_PARAMS,
): SubwordTokenizer {
  checkParams(params);
  const words = new Map<string, number>();
  for (const text of texts)
    for (const w of pretokenize(text)) words.set(w, (words.get(w) ?? 0) + 1);
  const units = new Map<string, number>();
  for (const [word, n] of words)
    for (const unit of wordUnits(word)) units.set(unit, (units.get(unit) ?? 0) + n);
  const { vocab, merges } = learnBpe(units, {
    ...params,
    reserved: SPECIAL_NAMES,
    required: [WORD_START],
    unknownId: SPECIAL_TOKENS.unk,
  });
  return createTokenizer(vocab, merges);
}

/** Rebuild a tokenizer from its JSON; throws on JSON no trained tokenizer could have written. */
export function loadTokenizer(json: TokenizerJSON): SubwordTokenizer {
  if (json?.kind !== 'bpe' || !Array.isArray(json.vocab) || !Array.isArray(json.merges))
    throw new Error('tokenizer JSON must have kind "bpe", a vocab and merges');
  SPECIAL_NAMES.forEach((name, id) => {
    if (json.vocab[id] !== name) throw new Error(`tokenizer vocab[${id}] must be ${name}`);
  });
  return createTokenizer(
    [...json.vocab],
    json.merges.map(([a, b]) => [a, b]),
  );
}

function createTokenizer(vocab: string[], merges: [string, string][]): SubwordTokenizer {
  // Specials are left out of the lookup so text can never produce their ids.
  const ids = new Map<string, number>();
  vocab.forEach((piece, id) => {
    if (id < SPECIAL_NAMES.length) return;
    if (typeof piece !== 'string' || piece.length === 0 || ids.has(piece))
      throw new Error(`tokenizer vocab[${id}] is empty, not a string or repeated`);
    ids.set(piece, id);
  });
  const idOf = (piece: string) => {
    const id = ids.get(piece);
    if (id === undefined) throw new Error(`tokenizer merge piece "${piece}" is not in the vocab`);
    return id;
  };
  // pair → rank, and per rank the two ids and the merged id.
  const rank = new Map<number, number>();
  const mergeLeft: number[] = [];
  const mergeRight: number[] = [];
  const mergeInto: number[] = [];
  merges.forEach(([a, b], r) => {
    const key = pairKey(idOf(a), idOf(b));
    if (rank.has(key)) return; // a pair merged twice in training keeps its first rank
    rank.set(key, r);
    mergeLeft[r] = idOf(a);
    mergeRight[r] = idOf(b);
    mergeInto[r] = idOf(a + b);
  });

  /** Apply merges lowest rank first, each to every non-overlapping occurrence, as training did. */
  const encodeUnit = (unit: string): number[] => {
    let symbols = Array.from(unit, (ch) => ids.get(ch) ?? SPECIAL_TOKENS.unk);
    for (;;) {
      let best = Infinity;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const r = rank.get(pairKey(symbols[i], symbols[i + 1]));
        if (r !== undefined && r < best) best = r;
      }
      if (best === Infinity) return symbols;
      const a = mergeLeft[best];
      const b = mergeRight[best];
      const next: number[] = [];
      for (let i = 0; i < symbols.length; i++) {
        if (symbols[i] === a && symbols[i + 1] === b) {
          next.push(mergeInto[best]);
          i++;
        } else next.push(symbols[i]);
      }
      symbols = next;
    }
  };

  const cache = new Map<string, readonly number[]>();
  const encodeWord = (word: string): readonly number[] => {
    let out = cache.get(word);
    if (out === undefined) {
      out = wordUnits(word).flatMap(encodeUnit);
      if (cache.size >= MAX_CACHE) cache.clear();
      cache.set(word, out);
    }
    return out;
  };

  return {
    vocab,
    vocabSize: vocab.length,
    encode(text) {
      const out: number[] = [];
      for (const word of pretokenize(text)) for (const id of encodeWord(word)) out.push(id);
      return out;
    },
    decode(tokenIds) {
      let text = '';
      for (const id of tokenIds) {
        if (!Number.isInteger(id) || id < 0 || id >= vocab.length)
          throw new RangeError(`token id ${id} is outside the vocabulary of ${vocab.length}`);
        if (id >= SPECIAL_NAMES.length) text += vocab[id];
      }
      return text.split(WORD_START).filter(Boolean).join(' ');
    },
    toJSON: () => ({
      kind: 'bpe',
      vocab: [...vocab],
      merges: merges.map(([a, b]) => [a, b]),
    }),
  };
}
