import type { TraceEntry } from './searchTree';

/** Sequences that a group ended with after an earlier group had already ended them. */
export interface RepeatedSequences {
  /** the later group (0-based) */
  group: number;
  /** the lowest-numbered group (0-based) that ended the same sequences */
  earlier: number;
  /** the sequences both ended (tokens without EOS), in the order they ended */
  sequences: number[][];
}

/** Why a search returned fewer results than it was asked for. */
export interface ResultShortfall {
  /** results asked for */
  asked: number;
  /** different sequences that ended in the whole search (what the results are drawn from) */
  distinct: number;
  /** diverse beam search: the groups that ended with sequences an earlier group also ended */
  repeats: RepeatedSequences[];
}

/**
 * Reads the trace of a (plain or diverse) beam search: when fewer different sequences ended than
 * `asked`, the search can only return that many (results are merged one per sequence), and the
 * repeats say which groups ended the same sequences. Null when enough different sequences ended.
 * A sequence ends at the step equal to its length, so every group that ends it does so at one step.
 */
export function resultShortfall(
  trace: readonly TraceEntry[],
  asked: number,
): ResultShortfall | null {
  // sequence key → the groups that ended it, lowest first, and its tokens
  const enders = new Map<string, { tokens: number[]; groups: number[] }>();
  for (const entry of trace) {
    const group = entry.group ?? 0;
    for (const f of entry.finished) {
      const key = f.tokens.join(',');
      const seen = enders.get(key);
      if (!seen) enders.set(key, { tokens: f.tokens, groups: [group] });
      else if (!seen.groups.includes(group)) seen.groups.push(group);
    }
  }
  if (enders.size >= asked) return null;

  const repeats = new Map<string, RepeatedSequences>();
  for (const { tokens, groups } of enders.values()) {
    const earlier = Math.min(...groups);
    for (const group of groups) {
      if (group === earlier) continue;
      const key = `${group},${earlier}`;
      const repeat = repeats.get(key) ?? { group, earlier, sequences: [] };
      repeat.sequences.push(tokens);
      repeats.set(key, repeat);
    }
  }
  return {
    asked,
    distinct: enders.size,
    repeats: [...repeats.values()].sort((a, b) => a.group - b.group || a.earlier - b.earlier),
  };
}
