import { allowedFromNode, childNode, docOfNode, type DocidTrie } from './trie';

/**
 * What constrained decoding may generate: a finite automaton walked one token at a time. Its
 * states are numbers, so a beam carries one number however the constraint stores them: a node of
 * the docid trie (DSI), or an n-gram's range of the corpus's suffix array (SEAL).
 */
export interface DecodeConstraint {
  /** The end token: the sequence so far is complete. */
  readonly eos: number;
  /** The start state (nothing generated yet). */
  readonly root: number;
  /** Tokens allowed after `state`, ascending; empty when nothing may follow. Read it, don't write it. */
  allowed(state: number): Int32Array;
  /** The state after `token`, or a negative number when `token` is not allowed. */
  child(state: number, token: number): number;
  /** The document a state reached by EOS names, when it names exactly one; else undefined. */
  docOf(state: number): number | undefined;
  /** Throws when the constraint can emit a token the decoder cannot (≥ vocabSize, or BOS). */
  checkTokens(vocabSize: number, bos: number): void;
}

/** The docid trie as a constraint: a state is a trie node, and a leaf names its document. */
export function trieConstraint(trie: DocidTrie): DecodeConstraint {
  return {
    eos: trie.eos,
    root: 0,
    allowed: (node) => allowedFromNode(trie, node),
    child: (node, token) => childNode(trie, node, token),
    docOf: (node) => docOfNode(trie, node),
    checkTokens(vocabSize, bos) {
      for (let n = 1; n < trie.token.length; n++) {
        if (trie.token[n] >= vocabSize || trie.token[n] === bos) {
          throw new Error(
            `the trie holds token ${trie.token[n]}, not an output token of the decoder`,
          );
        }
      }
    },
  };
}

/** A trie is wrapped; a constraint is used as it is. */
export function asConstraint(c: DocidTrie | DecodeConstraint): DecodeConstraint {
  return 'firstChild' in c ? trieConstraint(c) : c;
}
