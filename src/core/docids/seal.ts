import { WORD_START } from '../text/tokenizer';
import { docidVocab, type DocidScheme } from './types';

export interface SealDocidParams {
  /** Longest n-gram the model writes, in subword tokens (its training targets' length). Default 8; 2–16 */
  ngramLength: number;
}

export const DEFAULT_SEAL_DOCID_PARAMS: SealDocidParams = { ngramLength: 8 };

/** The scheme's name, for the places that treat n-gram identifiers apart from docids. */
export const SEAL_SCHEME = 'seal';

/**
 * SEAL (Bevilacqua et al. 2022): no identifier is assigned; every n-gram of a document identifies
 * it. A document's "docid" here is its whole text in the encoder's subwords, the corpus the
 * n-gram index is built from; decoding writes n-grams of those texts and scoring maps them back.
 */
export const sealScheme: DocidScheme<SealDocidParams> = {
  name: SEAL_SCHEME,
  describe:
    'Any n-gram of a document identifies it (SEAL): the model writes a few word pieces that occur in the corpus, and documents are ranked by the n-grams they contain.',
  defaults: () => ({ ...DEFAULT_SEAL_DOCID_PARAMS }),
  assign(input, params) {
    const tokenizer = input.tokenizer;
    if (!tokenizer) throw new Error('SEAL n-grams are written in the subwords of a tokenizer');
    const ngramLength = Math.min(16, Math.max(2, Math.round(params.ngramLength) || 8));
    const docids = input.texts.map((text) => tokenizer.encode(text));
    const labels = tokenizer.vocab.map((piece) => piece.replaceAll(WORD_START, ' '));
    return { scheme: SEAL_SCHEME, docids, vocab: docidVocab(labels, ''), params: { ngramLength } };
  },
};

/**
 * The decoder tokens that begin a word: a SEAL vocabulary labels them with a leading space (the
 * tokenizer's word-start mark), and n-grams start with one so that they are phrases, not word ends.
 */
export function wordStartTokens(labels: readonly string[]): Set<number> {
  const starts = new Set<number>();
  labels.forEach((label, token) => {
    if (label.length > 1 && label.startsWith(' ')) starts.add(token);
  });
  return starts;
}

/**
 * An n-gram as its subwords read, its leading space kept when it starts a word (" thick clouds
 * of"), which the highlighter needs; `formatDocid` trims it for display.
 */
export function ngramText(tokens: readonly number[], labels: readonly string[]): string {
  return tokens.map((t) => labels[t] ?? `<${t}>`).join('');
}
