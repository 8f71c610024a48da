import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allowedFromNode,
  allowedNext,
  buildTrie,
  childNode,
  docOfNode,
  lookup,
  NO_NODE,
  nodeOf,
  ROOT,
  trieSize,
} from './trie';

const EOS = 10;

/** Sets of distinct digit sequences over a small alphabet, so prefixes are often shared. */
const docidSets = fc.uniqueArray(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }), {
  selector: (s) => s.join(','),
  maxLength: 25,
});
/** Prefixes and probes over a slightly larger alphabet, EOS included, so some fall off the trie. */
const probe = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(EOS)), {
  maxLength: 7,
});

const startsWith = (s: readonly number[], p: readonly number[]) => p.every((t, i) => s[i] === t);

/** Brute force: scan every docid (with EOS appended) for those extending `prefix`. */
function bruteAllowed(seqs: readonly number[][], prefix: readonly number[]): number[] {
  const next = new Set<number>();
  for (const s of seqs) {
    const full = [...s, EOS];
    if (full.length > prefix.length && startsWith(full, prefix)) next.add(full[prefix.length]);
  }
  return [...next].sort((a, b) => a - b);
}

function bruteLookup(seqs: readonly number[][], q: readonly number[]): number | undefined {
  const bare = q.length > 0 && q[q.length - 1] === EOS ? q.slice(0, -1) : q;
  const i = seqs.findIndex((s) => s.length === bare.length && startsWith(s, bare));
  return i >= 0 ? i : undefined;
}

describe('buildTrie', () => {
  it('allowedNext and lookup agree with a brute-force scan of the docids', () => {
    fc.assert(
      fc.property(docidSets, fc.array(probe, { maxLength: 20 }), (seqs, probes) => {
        const trie = buildTrie(seqs, EOS);
        // Every prefix of every docid, plus random probes (mostly invalid).
        const queries = [
          ...seqs.flatMap((s) => [...s, EOS].map((_, i) => [...s, EOS].slice(0, i + 1))),
          ...probes,
          [],
        ];
        for (const q of queries) {
          expect(allowedNext(trie, q)).toEqual(bruteAllowed(seqs, q));
          expect(lookup(trie, q)).toBe(bruteLookup(seqs, q));
        }
        seqs.forEach((s, i) => {
          expect(lookup(trie, s)).toBe(i);
          expect(lookup(trie, [...s, EOS])).toBe(i);
        });
      }),
    );
  });

  it('node-id walks match prefix walks, and sizes are consistent', () => {
    fc.assert(
      fc.property(docidSets, (seqs) => {
        const trie = buildTrie(seqs, EOS);
        let leaves = 0;
        for (let n = 0; n < trieSize(trie).nodes; n++) {
          const allowed = Array.from(allowedFromNode(trie, n));
          expect(allowed).toEqual([...allowed].sort((a, b) => a - b));
          for (const t of allowed) expect(trie.token[childNode(trie, n, t)]).toBe(t);
          if (docOfNode(trie, n) !== undefined) {
            leaves++;
            expect(allowed).toEqual([]);
          }
        }
        expect(leaves).toBe(seqs.length);
        for (const s of seqs) {
          const node = nodeOf(trie, [...s, EOS]);
          expect(docOfNode(trie, node)).toBe(lookup(trie, s));
        }
        // Nodes = distinct prefixes of the EOS-terminated docids, plus the root.
        const prefixes = new Set(
          seqs.flatMap((s) => [...s, EOS].map((_, i) => [...s, EOS].slice(0, i + 1).join(','))),
        );
        expect(trieSize(trie)).toEqual({
          nodes: prefixes.size + 1,
          sequences: seqs.length,
          maxDepth: Math.max(0, ...seqs.map((s) => s.length + 1)),
        });
      }),
    );
  });

  it('throws on a duplicate docid, naming it', () => {
    expect(() => buildTrie([[1, 2], [3], [1, 2]], EOS)).toThrow(
      /Duplicate docid \[1, 2\].*0 and 2/,
    );
  });

  it('throws on a docid holding EOS or a non-token', () => {
    expect(() => buildTrie([[1, EOS, 2]], EOS)).toThrow(/invalid token 10/);
    expect(() => buildTrie([[1, -1]], EOS)).toThrow(/invalid token/);
    expect(() => buildTrie([[1.5]], EOS)).toThrow(/invalid token/);
  });

  it('handles docids that are prefixes of others', () => {
    const trie = buildTrie([[1, 2, 3], [1, 2], [1]], EOS);
    expect(allowedNext(trie, [1])).toEqual([2, EOS]);
    expect(allowedNext(trie, [1, 2])).toEqual([3, EOS]);
    expect(allowedNext(trie, [1, 2, EOS])).toEqual([]);
    expect(lookup(trie, [1, 2])).toBe(1);
    expect(lookup(trie, [1, 2, 3, EOS])).toBe(0);
    expect(lookup(trie, [1, 2, 3, 4])).toBeUndefined();
    expect(trieSize(trie)).toEqual({ nodes: 7, sequences: 3, maxDepth: 4 });
  });

  it('an empty trie allows nothing', () => {
    const trie = buildTrie([], EOS);
    expect(allowedNext(trie, [])).toEqual([]);
    expect(lookup(trie, [])).toBeUndefined();
    expect(childNode(trie, ROOT, 0)).toBe(NO_NODE);
    expect(trieSize(trie)).toEqual({ nodes: 1, sequences: 0, maxDepth: 0 });
  });
});
