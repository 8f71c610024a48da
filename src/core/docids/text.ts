import { keywordCandidates } from '../querygen/keywords';
import { WORD_START } from '../text/tokenizer';
import { docidVocab, type DocidScheme } from './types';

export interface TextDocidParams {
  /**
   * What a document's identifier says: its title ('title'; documents without one use keywords)
   * or its most distinctive TF-IDF keywords ('keywords'). Default 'title'.
   */
  source: 'title' | 'keywords';
  /** Keywords in a keyword identifier, and the most added to tell two identifiers apart. Default 3; 1–8 */
  keywords: number;
  /** Longest identifier in subword tokens (longer titles are cut). Default 12; 2–32 */
  maxTokens: number;
}

export const DEFAULT_TEXT_DOCID_PARAMS: TextDocidParams = {
  source: 'title',
  keywords: 3,
  maxTokens: 12,
};

const clamp = (x: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, Number.isFinite(x) ? Math.round(x) : lo));

/**
 * SE-DSI's elaborative descriptions (Tang et al. 2023), as identifiers: each document's docid is a
 * short readable text — its title, or its heaviest keywords — written in the encoder's subwords and
 * decoded under a trie of those token sequences. Two documents that would share a text get more of
 * their own keywords appended, then their number, until every identifier is unique.
 */
export const textScheme: DocidScheme<TextDocidParams> = {
  name: 'text',
  describe:
    'A short readable text per document (its title, or its most distinctive keywords), decoded word piece by word piece.',
  defaults: () => ({ ...DEFAULT_TEXT_DOCID_PARAMS }),
  assign(input, params) {
    const tokenizer = input.tokenizer;
    if (!tokenizer) throw new Error('text docids are written in the subwords of a tokenizer');
    const maxTokens = clamp(params.maxTokens, 2, 32);
    const keywordCount = clamp(params.keywords, 1, 8);
    const pools = keywordCandidates(input.texts, 2 * keywordCount).map((c) => c.map((k) => k.word));
    const seen = new Set<string>();
    const encode = (text: string) => tokenizer.encode(text).slice(0, maxTokens);
    const docids = input.texts.map((_, doc) => {
      const title = input.titles?.[doc]?.trim() ?? '';
      const words = pools[doc];
      const base =
        params.source === 'title' && title !== ''
          ? title
          : words.slice(0, keywordCount).join(' ') || `document ${doc}`;
      const extra = params.source === 'title' && title !== '' ? words : words.slice(keywordCount);
      const candidates = [
        base,
        ...extra.map((_, i) => `${base} ${extra.slice(0, i + 1).join(' ')}`),
      ];
      let tokens = candidates.map(encode).find((t) => t.length > 0 && !seen.has(t.join(' ')));
      // still shared: end with the document's number, cutting the text to make room for it
      for (let n = doc; !tokens; n += input.texts.length) {
        const suffix = tokenizer.encode(` ${n}`);
        const numbered = [...encode(base).slice(0, maxTokens - suffix.length), ...suffix];
        if (!seen.has(numbered.join(' '))) tokens = numbered;
      }
      seen.add(tokens.join(' '));
      return tokens;
    });
    const labels = tokenizer.vocab.map((piece) => piece.replaceAll(WORD_START, ' '));
    return { scheme: 'text', docids, vocab: docidVocab(labels, ''), params: { ...params } };
  },
};
