import type { TfidfMatrix } from '../vectors/tfidf';

/** Decoder tokens: 0–9 are the digits, 10 ends an id (EOS), 11 starts decoding (BOS). */
export const DOCID_EOS = 10;
export const DOCID_BOS = 11;
export const DOCID_VOCAB_SIZE = 12;

export interface DocidInput {
  /** document texts, in corpus order (for TF-IDF, LSA and cluster labels) */
  texts: readonly string[];
  /** TF-IDF of `texts`, if already built; otherwise the scheme builds it with the defaults */
  tfidf?: TfidfMatrix;
  /** dense document embeddings in corpus order; schemes that need vectors fall back to LSA of TF-IDF */
  vectors?: readonly Float32Array[];
}

export interface DocidAssignment {
  /** name of the scheme that made it: 'naive' | 'semantic' | … */
  scheme: string;
  /**
   * Per document (same order as the corpus docs): its docid as digit tokens 0–9, WITHOUT the EOS.
   * Docids are unique; with EOS appended the set is prefix-free, which beam search over a trie needs.
   */
  docids: number[][];
  /**
   * Semantic ids: for each cluster node, keyed by `docidToString(path of cluster digits)` (e.g. "3"
   * or "3-1"), the top TF-IDF terms (stemmed) of its documents, for display.
   */
  clusterTerms?: Record<string, string[]>;
  /** the params it was made with, for reproducing it and for showing it */
  params: Record<string, unknown>;
}

/** One way of giving documents docids; adding a scheme is one file plus one line in registry.ts. */
export interface DocidScheme<P> {
  name: string;
  /** one sentence for the UI */
  describe: string;
  /** sensible params for a corpus of `docCount` documents */
  defaults(docCount: number): P;
  assign(input: DocidInput, params: P): DocidAssignment;
}

const SPECIAL: Record<number, string> = { [DOCID_EOS]: '<eos>', [DOCID_BOS]: '<bos>' };

/**
 * Readable docid: one decoder token per dash-separated group, [3, 1, 0, 7] → "3-1-0-7", so a
 * string mirrors the decoding steps and the string of a prefix is a prefix of the string of the
 * docid ("3-1" for cluster 3, sub-cluster 1). Unique per token sequence since each token is one
 * group. EOS/BOS (for partial beams) print as "<eos>"/"<bos>"; an empty docid prints as "".
 */
export function docidToString(tokens: readonly number[]): string {
  return tokens.map((t) => SPECIAL[t] ?? String(t)).join('-');
}
