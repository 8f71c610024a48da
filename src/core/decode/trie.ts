/**
 * A prefix trie over the valid docids, so constrained decoding can only ever produce a real
 * document (DSI, Tay et al. 2022: decoding restricted to the docid prefix tree).
 *
 * Every path from the root ends in an EOS edge; the node EOS leads to (a leaf) holds the document
 * number. Nodes are numbered breadth-first, so a node's children are a contiguous run of node ids
 * and the whole trie is three flat typed arrays: cheap to build for 100k docids, cheap to post to a
 * worker, and walkable by node id without re-reading prefixes.
 */
export interface DocidTrie {
  /** The end-of-id token every path ends with. */
  readonly eos: number;
  /** Node n's children are the nodes firstChild[n] … firstChild[n + 1] − 1 (length: nodes + 1). */
  readonly firstChild: Int32Array;
  /** token[n]: the token on the edge into node n, ascending among siblings; −1 for the root. */
  readonly token: Int32Array;
  /** doc[n]: the document number at a leaf (the node an EOS edge leads to); −1 elsewhere. */
  readonly doc: Int32Array;
  /** Number of docids stored. */
  readonly sequences: number;
  /** Longest path in tokens, counting the final EOS (0 for an empty trie). */
  readonly maxDepth: number;
}

/** Node id of the root, the empty prefix. */
export const ROOT = 0;

/** What `childNode` returns when the token does not continue the prefix. */
export const NO_NODE = -1;

/**
 * Build a trie of `sequences` (each WITHOUT `eos`; the trie appends it). Sequence i's document
 * number is i. Throws if a sequence repeats, or holds `eos` or a token that is not an integer ≥ 0.
 */
export function buildTrie(sequences: readonly (readonly number[])[], eos: number): DocidTrie {
  let bound = 1;
  for (let i = 0; i < sequences.length; i++) {
    for (const t of sequences[i]) {
      if (!Number.isInteger(t) || t < 0 || t === eos) {
        throw new Error(`Docid ${i} [${sequences[i].join(', ')}] holds an invalid token ${t}`);
      }
    }
    bound += sequences[i].length + 1;
  }

  // Token at position p of sequence s with EOS appended: sorting by it makes siblings ascending
  // and puts every subtree in one contiguous run of the sorted order.
  const at = (s: number, p: number) => (p < sequences[s].length ? sequences[s][p] : eos);
  const compare = (a: number, b: number) => {
    const n = Math.min(sequences[a].length, sequences[b].length);
    for (let p = 0; p <= n; p++) {
      const d = at(a, p) - at(b, p);
      if (d !== 0) return d;
    }
    return 0;
  };
  const order = Array.from(sequences, (_, i) => i).sort((a, b) => compare(a, b) || a - b);
  for (let i = 1; i < order.length; i++) {
    if (compare(order[i - 1], order[i]) === 0) {
      const [a, b] = [order[i - 1], order[i]];
      throw new Error(`Duplicate docid [${sequences[a].join(', ')}] at sequences ${a} and ${b}`);
    }
  }

  const firstChild = new Int32Array(bound + 1);
  const token = new Int32Array(bound).fill(-1);
  const doc = new Int32Array(bound).fill(-1);
  // Per node: its run [lo, hi) of `order` and its depth; children get ids as their parent is
  // visited, so visiting ids in increasing order is a breadth-first walk.
  const lo = new Int32Array(bound);
  const hi = new Int32Array(bound);
  const depth = new Int32Array(bound);
  hi[ROOT] = order.length;
  let nodes = 1;
  let maxDepth = 0;
  for (let n = 0; n < nodes; n++) {
    firstChild[n] = nodes;
    if (doc[n] >= 0) continue;
    const d = depth[n];
    for (let i = lo[n]; i < hi[n];) {
      const t = at(order[i], d);
      let j = i + 1;
      while (j < hi[n] && at(order[j], d) === t) j++;
      const c = nodes++;
      token[c] = t;
      lo[c] = i;
      hi[c] = j;
      depth[c] = d + 1;
      if (t === eos) {
        doc[c] = order[i]; // j = i + 1 here: duplicates were rejected above
        maxDepth = Math.max(maxDepth, d + 1);
      }
      i = j;
    }
  }
  firstChild[nodes] = nodes;

  return {
    eos,
    firstChild: firstChild.slice(0, nodes + 1),
    token: token.slice(0, nodes),
    doc: doc.slice(0, nodes),
    sequences: sequences.length,
    maxDepth,
  };
}

/** The child of `node` along `token`, or NO_NODE. Binary search over the sorted siblings. */
export function childNode(trie: DocidTrie, node: number, token: number): number {
  if (node < 0 || node >= trie.doc.length) return NO_NODE;
  let a = trie.firstChild[node];
  let b = trie.firstChild[node + 1] - 1;
  while (a <= b) {
    const m = (a + b) >> 1;
    const t = trie.token[m];
    if (t === token) return m;
    if (t < token) a = m + 1;
    else b = m - 1;
  }
  return NO_NODE;
}

/**
 * Tokens allowed after `node`, ascending. A view into the trie (no copy): read it, don't write it.
 * Empty for a leaf or NO_NODE.
 */
export function allowedFromNode(trie: DocidTrie, node: number): Int32Array {
  if (node < 0 || node >= trie.doc.length) return trie.token.subarray(0, 0);
  return trie.token.subarray(trie.firstChild[node], trie.firstChild[node + 1]);
}

/** The document number at `node` if it is a leaf (reached by EOS), else undefined. */
export function docOfNode(trie: DocidTrie, node: number): number | undefined {
  if (node < 0 || node >= trie.doc.length) return undefined;
  const d = trie.doc[node];
  return d >= 0 ? d : undefined;
}

/** The node reached by walking `prefix` from the root, or NO_NODE if it leaves the trie. */
export function nodeOf(trie: DocidTrie, prefix: readonly number[]): number {
  let node = ROOT;
  for (let i = 0; i < prefix.length && node !== NO_NODE; i++) {
    node = childNode(trie, node, prefix[i]);
  }
  return node;
}

/** Tokens allowed after `prefix` (ascending); [] if the prefix is not in the trie or is complete. */
export function allowedNext(trie: DocidTrie, prefix: readonly number[]): number[] {
  return Array.from(allowedFromNode(trie, nodeOf(trie, prefix)));
}

/** Document number of a full docid, given with or without its trailing EOS. */
export function lookup(trie: DocidTrie, sequence: readonly number[]): number | undefined {
  let node = nodeOf(trie, sequence);
  if (sequence.length === 0 || sequence[sequence.length - 1] !== trie.eos) {
    node = childNode(trie, node, trie.eos);
  }
  return docOfNode(trie, node);
}

/** Node count (root and EOS leaves included), docids stored, and longest path incl. EOS. */
export function trieSize(trie: DocidTrie): { nodes: number; sequences: number; maxDepth: number } {
  return { nodes: trie.doc.length, sequences: trie.sequences, maxDepth: trie.maxDepth };
}
