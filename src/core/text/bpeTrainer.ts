/** What `learnBpe` needs besides the counted units; `tokenizer.ts` fills it from its params. */
export interface BpeTrainingOptions {
  /** Vocabulary size to stop at, counting `reserved` and the alphabet. */
  vocabSize: number;
  /** Characters and pairs seen fewer times than this are left out. */
  minFrequency: number;
  /** Entries placed first, in order, that never take part in merges (special tokens). */
  reserved: readonly string[];
  /** Characters kept in the alphabet whatever their frequency (the word-start marker). */
  required: readonly string[];
  /** Vocabulary id written for characters outside the alphabet; such symbols never merge. */
  unknownId: number;
}

/** The learned vocabulary (reserved, alphabet, then merged pieces) and merges in rank order. */
export interface BpeModel {
  vocab: string[];
  merges: [string, string][];
}

/** Pair keys pack two symbol ids into one safe integer so Maps hash numbers, not strings. */
const PAIR_SHIFT = 2 ** 21;
export const MAX_BPE_VOCAB = PAIR_SHIFT;

/** One Map key for the ordered pair (left, right). */
export function pairKey(left: number, right: number): number {
  return left * PAIR_SHIFT + right;
}

interface HeapEntry {
  key: number;
  count: number;
  merged: string;
  left: string;
}

/** Higher count first; ties go to the smaller merged string, then the shorter left piece. */
function before(x: HeapEntry, y: HeapEntry): boolean {
  if (x.count !== y.count) return x.count > y.count;
  if (x.merged !== y.merged) return x.merged < y.merged;
  return x.left < y.left;
}

/** Binary max-heap under `before`; stale entries are skipped by the caller (lazy deletion). */
class PairHeap {
  private readonly items: HeapEntry[] = [];

  push(entry: HeapEntry): void {
    const items = this.items;
    let i = items.length;
    items.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = entry;
  }

  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= items.length) break;
      const r = l + 1;
      const child = r < items.length && before(items[r], items[l]) ? r : l;
      if (!before(items[child], last)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/** Characters with their total frequency, most frequent first (ties by string order). */
function countCharacters(units: ReadonlyMap<string, number>): [string, number][] {
  const freq = new Map<string, number>();
  for (const [unit, n] of units) for (const ch of unit) freq.set(ch, (freq.get(ch) ?? 0) + n);
  return [...freq].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}

/**
 * Merge every non-overlapping (a, b) left to right, as encoding does, reporting each neighbouring
 * pair that disappears (-1) or appears (+1); undefined when the unit holds no (a, b).
 */
function mergeUnit(
  symbols: readonly number[],
  a: number,
  b: number,
  c: number,
  change: (left: number, right: number, sign: number) => void,
): number[] | undefined {
  let out: number[] | undefined;
  for (let i = 0; i < symbols.length; i++) {
    if (symbols[i] !== a || symbols[i + 1] !== b) {
      out?.push(symbols[i]);
      continue;
    }
    out ??= symbols.slice(0, i);
    // A left neighbour that is itself a fresh c undoes the (c, a) the previous merge reported.
    if (out.length > 0) {
      change(out[out.length - 1], a, -1);
      change(out[out.length - 1], c, 1);
    }
    if (i + 2 < symbols.length) {
      change(b, symbols[i + 2], -1);
      change(c, symbols[i + 2], 1);
    }
    out.push(c);
    i++;
  }
  return out;
}

/**
 * Byte-pair encoding (Sennrich et al. 2016) over counted units (unit → frequency), with pair counts
 * and a pair → units index updated after each merge so no merge rescans the corpus.
 * Deterministic: the alphabet and every tie follow fixed rules, never chance or input order.
 */
export function learnBpe(
  units: ReadonlyMap<string, number>,
  options: BpeTrainingOptions,
): BpeModel {
  const { vocabSize, minFrequency, reserved, required, unknownId } = options;
  const vocab = [...reserved];
  const ids = new Map<string, number>();
  const addPiece = (piece: string) => {
    let id = ids.get(piece);
    if (id === undefined) {
      id = vocab.length;
      vocab.push(piece);
      ids.set(piece, id);
    }
    return id;
  };

  // Alphabet: required characters, then the most frequent ones that pass minFrequency.
  const room = vocabSize - reserved.length;
  const alphabet = new Set(required);
  for (const [ch, n] of countCharacters(units)) {
    if (alphabet.size >= room || n < minFrequency) break;
    alphabet.add(ch);
  }
  for (const ch of [...alphabet].sort()) addPiece(ch);

  const symbols: number[][] = [];
  const freq: number[] = [];
  for (const [unit, n] of units) {
    symbols.push(Array.from(unit, (ch) => ids.get(ch) ?? unknownId));
    freq.push(n);
  }

  const counts = new Map<number, number>();
  const where = new Map<number, Set<number>>();
  symbols.forEach((s, w) => {
    for (let i = 0; i + 1 < s.length; i++) {
      if (s[i] === unknownId || s[i + 1] === unknownId) continue;
      const key = pairKey(s[i], s[i + 1]);
      counts.set(key, (counts.get(key) ?? 0) + freq[w]);
      let set = where.get(key);
      if (set === undefined) where.set(key, (set = new Set()));
      set.add(w);
    }
  });

  const heap = new PairHeap();
  const entry = (key: number, count: number): HeapEntry => {
    const left = vocab[Math.floor(key / PAIR_SHIFT)];
    return { key, count, left, merged: left + vocab[key % PAIR_SHIFT] };
  };
  for (const [key, n] of counts) heap.push(entry(key, n));

  const merges: [string, string][] = [];
  while (vocab.length < vocabSize) {
    const top = heap.pop();
    if (top === undefined) break;
    const current = counts.get(top.key) ?? 0;
    if (current !== top.count) {
      // Lazy deletion: a lower count is re-queued; a higher one already has its own entry.
      if (current > 0 && current < top.count) heap.push({ ...top, count: current });
      continue;
    }
    if (current < minFrequency) break;

    const a = Math.floor(top.key / PAIR_SHIFT);
    const b = top.key % PAIR_SHIFT;
    merges.push([vocab[a], vocab[b]]);
    const c = addPiece(top.merged);
    const delta = new Map<number, number>();
    let w = 0;
    const change = (x: number, y: number, sign: number) => {
      if (x === unknownId || y === unknownId) return;
      const key = pairKey(x, y);
      delta.set(key, (delta.get(key) ?? 0) + sign * freq[w]);
      if (sign < 0) return;
      let set = where.get(key);
      if (set === undefined) where.set(key, (set = new Set()));
      set.add(w);
    };
    for (w of where.get(top.key) ?? []) {
      // Stale index entries (the pair left this unit in an earlier merge) return undefined.
      const next = mergeUnit(symbols[w], a, b, c, change);
      if (next !== undefined) symbols[w] = next;
    }
    where.delete(top.key);
    counts.delete(top.key);
    for (const [key, d] of delta) {
      if (d === 0 || key === top.key) continue;
      const n = (counts.get(key) ?? 0) + d;
      if (n > 0) counts.set(key, n);
      else counts.delete(key);
      if (d > 0) heap.push(entry(key, n));
    }
  }
  return { vocab, merges };
}
