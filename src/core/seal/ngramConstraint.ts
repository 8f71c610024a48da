import type { DecodeConstraint } from '../decode/constraint';
import {
  extendRange,
  nextTokens,
  rootRange,
  type NgramIndex,
  type SuffixRange,
} from './ngramIndex';

/** The n-gram constraint with the corpus count of each state's n-gram, for the inspector. */
export interface NgramConstraint extends DecodeConstraint {
  /** the suffix-array range of a state's n-gram (null for an ended or unknown state) */
  rangeOf(state: number): SuffixRange | null;
  /** how often a state's n-gram occurs in the corpus (0 for an unknown state) */
  countOf(state: number): number;
}

/**
 * SEAL's constraint: every prefix the decoder writes occurs in the corpus, so every generated
 * n-gram does. A state is an n-gram's range of the suffix array; its allowed tokens are the tokens
 * that follow it somewhere, plus EOS once it holds `minTokens`; at `maxTokens` only EOS is left.
 * With `startTokens`, an n-gram starts only with one of them (a word, not the middle of one).
 * States are numbered as they are first reached, so one constraint serves one search.
 */
export function ngramConstraint(
  index: NgramIndex,
  eos: number,
  limits: {
    minTokens: number;
    maxTokens: number;
    /** tokens an n-gram may start with (e.g. word-initial subwords); absent: any */
    startTokens?: ReadonlySet<number>;
  },
): NgramConstraint {
  const ranges: SuffixRange[] = [rootRange(index)];
  const ended: number[] = []; // states reached by EOS: the state they ended
  const allowedCache: (Int32Array | undefined)[] = [];
  const childCache = new Map<string, number>();
  const justEos = Int32Array.of(eos);
  const none = new Int32Array(0);
  const known = (s: number) => Number.isInteger(s) && s >= 0 && s < ranges.length;

  return {
    eos,
    root: 0,
    allowed(state) {
      if (!known(state) || ended[state] !== undefined) return none;
      const cached = allowedCache[state];
      if (cached) return cached;
      const { depth } = ranges[state];
      let out: Int32Array;
      if (depth >= limits.maxTokens) out = justEos;
      else {
        let next = nextTokens(index, ranges[state]);
        const starts = limits.startTokens;
        if (depth === 0 && starts) next = next.filter((t) => starts.has(t));
        // EOS is the largest decoder token (after every subword), so appending keeps the order
        if (depth >= limits.minTokens) {
          out = new Int32Array(next.length + 1);
          out.set(next);
          out[next.length] = eos;
        } else out = next;
      }
      allowedCache[state] = out;
      return out;
    },
    child(state, token) {
      if (!known(state) || ended[state] !== undefined) return -1;
      const key = `${state},${token}`;
      const seen = childCache.get(key);
      if (seen !== undefined) return seen;
      let next = -1;
      const { depth } = ranges[state];
      if (token === eos) {
        if (depth >= limits.minTokens) {
          next = ranges.length;
          ranges.push(ranges[state]);
          ended[next] = state;
        }
      } else if (depth === 0 && limits.startTokens && !limits.startTokens.has(token)) {
        next = -1;
      } else if (depth < limits.maxTokens) {
        const range = extendRange(index, ranges[state], token);
        if (range) {
          next = ranges.length;
          ranges.push(range);
        }
      }
      childCache.set(key, next);
      return next;
    },
    // an n-gram names every document it occurs in; the scoring ranks them
    docOf: () => undefined,
    checkTokens(vocabSize, bos) {
      const largest = largestToken(index);
      if (eos >= vocabSize) throw new Error(`eos ${eos} is outside the decoder's vocabulary`);
      if (largest >= Math.min(vocabSize, bos, eos)) {
        throw new Error(`the corpus holds token ${largest}, not a subword the decoder writes`);
      }
    },
    rangeOf: (state) => (known(state) ? ranges[state] : null),
    countOf: (state) => (known(state) ? ranges[state].hi - ranges[state].lo : 0),
  };
}

const largestTokens = new WeakMap<NgramIndex, number>();

/** The largest token of the corpus (−1 when empty), computed once per index. */
function largestToken(index: NgramIndex): number {
  let largest = largestTokens.get(index);
  if (largest === undefined) {
    largest = -1;
    for (let i = 0; i < index.text.length; i++) largest = Math.max(largest, index.text[i]);
    largestTokens.set(index, largest);
  }
  return largest;
}
