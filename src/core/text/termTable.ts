import {
  DEFAULT_ANALYZER_PARAMS,
  MAX_TOKEN_LENGTH,
  normalizeToken,
  WORD,
  type AnalyzerParams,
} from './analyzer';

/** Character classes of the hand-split ASCII path, one byte per UTF-16 code unit. */
const WORD_CHAR = 1; // letter, digit or underscore: the regex's word class within ASCII
const DIGIT = 2;
const JOINS_WORDS = 4; // `.` and `'`: join two word characters
const JOINS_DIGITS = 8; // `,`: joins two digits
const BEYOND_ASCII = 16; // the regex decides
const CLASS = new Uint8Array(65536).fill(BEYOND_ASCII);
CLASS.fill(0, 0, 128);
for (let c = 48; c <= 57; c++) CLASS[c] = WORD_CHAR | DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = CLASS[c + 32] = WORD_CHAR;
CLASS[95] = WORD_CHAR;
CLASS[46] = CLASS[39] = JOINS_WORDS;
CLASS[44] = JOINS_DIGITS;

/** a local copy: under a CommonJS transform (tsx, Vitest) each use of an import is a property read */
const MAX_LENGTH = MAX_TOKEN_LENGTH;

/** Spread a string hash's bits (MurmurHash3's finaliser) before its low bits pick a slot. */
function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

const EMPTY = -1;

/**
 * The analyzer's term ids for a whole corpus, fast: index building's inner loop.
 *
 * `scan(text)` gives the same index terms as `createAnalyzer(params)(text)`, as numbers (ids in
 * `terms`, numbered by first appearance), without making a string per token. ASCII is split by
 * hand with the regex's rules (a `.` or `'` between two word characters, a `,` between two digits),
 * hashing each token's characters as it goes; an open-addressing table keyed by that hash and the
 * token's characters remembers each surface form's term id (or that it is a stop word), so the
 * stemmer and a `Map`'s string hashing run once per distinct surface form. Where a token meets a
 * character beyond ASCII, the analyzer's Unicode regex takes that one token (from its start, a
 * token boundary), and its surface form goes into the same table.
 */
export class TermTable {
  /** term id → index term */
  readonly terms: string[] = [];
  /** index term → term id */
  readonly termIds = new Map<string, number>();
  /** the last scan's term ids, `length` of them (stop words left out) */
  ids = new Int32Array(1024);
  length = 0;

  private slots = new Int32Array(1 << 12).fill(EMPTY);
  private formHashes = new Int32Array(1 << 11);
  private formTerms = new Int32Array(1 << 11);
  private forms: string[] = [];
  /** the analyzer's token regex, this table's own copy (its lastIndex is state) */
  private readonly word = new RegExp(WORD.source, WORD.flags);

  constructor(private readonly params: AnalyzerParams = DEFAULT_ANALYZER_PARAMS) {}

  /** Analyze `text` into `ids[0 … length)`; returns its word count before stop-word removal. */
  scan(text: string): number {
    this.length = 0;
    const n = text.length;
    let words = 0;
    let i = 0;
    while (i < n) {
      let k = CLASS[text.charCodeAt(i)];
      if (k & BEYOND_ASCII) {
        i = this.scanOne(text, i);
        if (i < 0) break;
        words++;
        continue;
      }
      if (!(k & WORD_CHAR)) {
        i++;
        continue;
      }
      const start = i;
      let hash = text.charCodeAt(i);
      let last = k;
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        k = CLASS[c];
        if (k & WORD_CHAR) {
          hash = (Math.imul(hash, 31) + c) | 0;
          last = k;
          i++;
          continue;
        }
        if (!(k & (JOINS_WORDS | JOINS_DIGITS | BEYOND_ASCII))) break;
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
        const after = CLASS[next];
        if (k & BEYOND_ASCII || after & BEYOND_ASCII) {
          i = -1; // a character the regex must judge: this token is the regex's
          break;
        }
        const joins = k & JOINS_WORDS ? after & WORD_CHAR : after & last & DIGIT;
        if (!joins) break;
        // the joiner and the word character after it
        hash = (Math.imul(Math.imul(hash, 31) + c, 31) + next) | 0;
        last = after;
        i += 2;
      }
      if (i < 0) {
        i = this.scanOne(text, start);
        if (i < 0) break;
      } else if (i - start <= MAX_LENGTH) this.push(this.lookup(text, start, i, mix(hash)));
      words++;
    }
    return words;
  }

  /**
   * The analyzer's regex finds the next token from `from`: added to `ids`; returns where it ends,
   * or -1 when the text has no more tokens.
   */
  private scanOne(text: string, from: number): number {
    this.word.lastIndex = from;
    const m = this.word.exec(text);
    if (m === null) return -1;
    const raw = m[0];
    if (raw.length <= MAX_LENGTH) {
      let hash = 0;
      for (let k = 0; k < raw.length; k++) hash = (Math.imul(hash, 31) + raw.charCodeAt(k)) | 0;
      this.push(this.lookup(raw, 0, raw.length, mix(hash)));
    }
    return m.index + raw.length;
  }

  private push(id: number) {
    if (id === EMPTY) return;
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }

  /** The term id of the surface form `text[start, end)` (EMPTY for a stop word), remembered. */
  private lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const form = this.slots[slot];
      if (form === EMPTY) return this.add(text.slice(start, end), hash);
      if (this.formHashes[form] !== hash) continue;
      const known = this.forms[form];
      if (known.length !== len) continue;
      let same = true;
      for (let k = 0; k < len; k++) {
        if (known.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return this.formTerms[form];
    }
  }

  private add(raw: string, hash: number): number {
    const term = normalizeToken(raw, this.params);
    let id = EMPTY;
    if (term !== null) {
      id = this.termIds.get(term) ?? EMPTY;
      if (id === EMPTY) {
        id = this.terms.length;
        this.terms.push(term);
        this.termIds.set(term, id);
      }
    }
    const form = this.forms.length;
    if (form === this.formHashes.length) {
      this.formHashes = grow(this.formHashes);
      this.formTerms = grow(this.formTerms);
    }
    this.forms.push(raw);
    this.formHashes[form] = hash;
    this.formTerms[form] = id;
    // keep the table at most half full
    if (2 * this.forms.length > this.slots.length) this.rehash();
    else this.place(form);
    return id;
  }

  private place(form: number) {
    const mask = this.slots.length - 1;
    let slot = this.formHashes[form] & mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot] = form;
  }

  private rehash() {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    for (let form = 0; form < this.forms.length; form++) this.place(form);
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}
