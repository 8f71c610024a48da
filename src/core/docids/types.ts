import type { SubwordTokenizer } from '../text/tokenizer';
import type { TfidfMatrix } from '../vectors/tfidf';

/** Digit docids' decoder tokens: 0–9 are the digits, 10 ends an id (EOS), 11 starts decoding (BOS). */
export const DOCID_EOS = 10;
export const DOCID_BOS = 11;
export const DOCID_VOCAB_SIZE = 12;

/**
 * A scheme's decoder vocabulary: docid tokens 0…size−3, then EOS and BOS. Digit schemes share
 * DIGIT_VOCAB; atomic docids have one token per document, text docids one per subword.
 */
export interface DocidVocab {
  /** tokens the decoder can output or read: docid tokens, EOS, BOS */
  size: number;
  eos: number;
  bos: number;
  /** what each token shows as (length `size`), e.g. "7", "astro-02" or " Venus" */
  labels: string[];
  /** between two token labels when a docid is shown: "-" for digits, "" for subwords */
  joiner: string;
}

/** A vocabulary of `labels` (the docid tokens, in id order) followed by EOS and BOS. */
export function docidVocab(labels: readonly string[], joiner: string): DocidVocab {
  const eos = labels.length;
  return { size: eos + 2, eos, bos: eos + 1, labels: [...labels, '<eos>', '<bos>'], joiner };
}

export const DIGIT_VOCAB: DocidVocab = docidVocab(
  Array.from({ length: 10 }, (_, d) => String(d)),
  '-',
);

/** A docid as a person reads it: its tokens' labels joined ("3-1-0-7", "astro-02", "Venus (planet)"). */
export function formatDocid(tokens: readonly number[], vocab: DocidVocab): string {
  return tokens
    .map((t) => vocab.labels[t] ?? `<${t}>`)
    .join(vocab.joiner)
    .trim();
}

export interface DocidInput {
  /** document texts, in corpus order (for TF-IDF, LSA and cluster labels) */
  texts: readonly string[];
  /** document ids, in corpus order (atomic docids show them) */
  ids?: readonly string[];
  /** document titles, in corpus order (text docids use them) */
  titles?: readonly string[];
  /** the subword tokenizer of the model's encoder (text docids are written in its subwords) */
  tokenizer?: SubwordTokenizer;
  /** TF-IDF of `texts`, if already built; otherwise the scheme builds it with the defaults */
  tfidf?: TfidfMatrix;
  /** dense document embeddings in corpus order; schemes that need vectors fall back to LSA of TF-IDF */
  vectors?: readonly Float32Array[];
}

export interface DocidAssignment {
  /** name of the scheme that made it: 'naive' | 'semantic' | … */
  scheme: string;
  /**
   * Per document (same order as the corpus docs): its docid as tokens of `vocab`, WITHOUT the EOS.
   * Docids are unique; with EOS appended the set is prefix-free, which beam search over a trie needs.
   */
  docids: number[][];
  /** the decoder vocabulary the docids are written in */
  vocab: DocidVocab;
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
 * A docid's key (node ids, cluster labels, maps): one decoder token per dash-separated group, [3, 1, 0, 7] → "3-1-0-7", so a
 * string mirrors the decoding steps and the string of a prefix is a prefix of the string of the
 * docid ("3-1" for cluster 3, sub-cluster 1). Unique per token sequence since each token is one
 * group. EOS/BOS (for partial beams) print as "<eos>"/"<bos>"; an empty docid prints as "".
 */
export function docidToString(tokens: readonly number[]): string {
  return tokens.map((t) => SPECIAL[t] ?? String(t)).join('-');
}
