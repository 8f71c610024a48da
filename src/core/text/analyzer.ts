import { stemmer } from 'stemmer';

/** A token with its character span in the source text (used for snippet highlighting). */
export interface TokenSpan {
  /** The raw token as it appears in the text. */
  text: string;
  start: number;
  end: number;
}

export interface AnalyzerParams {
  /** Drop the 33 Lucene English stop words. Default true (Anserini's default analyzer). */
  removeStopwords: boolean;
  /** Porter-stem each token. Default true. */
  stem: boolean;
}

export const DEFAULT_ANALYZER_PARAMS: AnalyzerParams = { removeStopwords: true, stem: true };

/** Lucene's `EnglishAnalyzer.ENGLISH_STOP_WORDS_SET` (33 words), as Anserini uses it. */
export const LUCENE_ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it',
  'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they',
  'this', 'to', 'was', 'will', 'with',
]); // prettier-ignore

/**
 * Word tokens in the spirit of Lucene's StandardTokenizer (Unicode UAX#29 word boundaries):
 * runs of letters, digits, marks and underscores; `.` and apostrophes join two word characters
 * ("U.S.A", "don't", "3.14"), and `,` joins two digits ("1,000").
 * Han, Hiragana and Thai characters are emitted one per token, as StandardTokenizer does for ideographs.
 */
export const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}]|(?:[\p{L}\p{M}\p{N}_](?:[.'’](?=[\p{L}\p{M}\p{N}_])|,(?=\p{N})(?<=\p{N},)|[\p{L}\p{M}\p{N}_])*)/gu;
export const MAX_TOKEN_LENGTH = 255;

/** Split text into raw word tokens with their offsets (no case folding). */
export function tokenizeWithSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    if (raw.length > MAX_TOKEN_LENGTH) continue;
    spans.push({ text: raw, start: m.index, end: m.index + raw.length });
  }
  return spans;
}

/** Lucene's EnglishPossessiveFilter: strip a trailing 's (straight or curly apostrophe). */
function stripPossessive(token: string): string {
  const n = token.length;
  if (n >= 2 && (token[n - 1] === 's' || token[n - 1] === 'S')) {
    const apostrophe = token[n - 2];
    if (apostrophe === "'" || apostrophe === '’' || apostrophe === '\uFF07') {
      return token.slice(0, n - 2);
    }
  }
  return token;
}

/** Normalise one raw token into an index term, or null when it is a stop word. */
export function normalizeToken(raw: string, params: AnalyzerParams = DEFAULT_ANALYZER_PARAMS) {
  const lower = stripPossessive(raw).toLowerCase();
  if (lower.length === 0) return null;
  if (params.removeStopwords && LUCENE_ENGLISH_STOPWORDS.has(lower)) return null;
  return params.stem ? stemmer(lower) : lower;
}

/** A text → index-terms function with its own memo of raw token → term. */
export type Analyzer = (text: string) => string[];

/**
 * Anserini's DefaultEnglishAnalyzer chain: standard tokenizer → possessive filter → lowercase →
 * stop words → Porter stemmer. The memo makes stemming cost once per distinct surface form.
 */
export function createAnalyzer(params: AnalyzerParams = DEFAULT_ANALYZER_PARAMS): Analyzer {
  const memo = new Map<string, string | null>();
  return (text) => {
    const terms: string[] = [];
    for (const m of text.matchAll(WORD)) {
      const raw = m[0];
      if (raw.length > MAX_TOKEN_LENGTH) continue;
      let term = memo.get(raw);
      if (term === undefined) {
        term = normalizeToken(raw, params);
        memo.set(raw, term);
      }
      if (term !== null) terms.push(term);
    }
    return terms;
  };
}

const defaultAnalyzer = createAnalyzer();

/** Distinct surface forms the default term memo holds before it starts afresh. */
const TERM_MEMO_LIMIT = 50_000;
const defaultTerms = new Map<string, string | null>();

/**
 * {@link normalizeToken} under the default params, memoised: a page's highlighters see the same
 * words in every result list, and stemming each occurrence anew was most of the first results'
 * highlighting time on the page's thread (CPU profile of a first answer).
 */
export function defaultTermOf(raw: string): string | null {
  let term = defaultTerms.get(raw);
  if (term === undefined) {
    if (defaultTerms.size >= TERM_MEMO_LIMIT) defaultTerms.clear();
    term = normalizeToken(raw);
    defaultTerms.set(raw, term);
  }
  return term;
}

/** Index terms of `text` under the default (Anserini) analyzer. */
export function analyze(text: string): string[] {
  return defaultAnalyzer(text);
}

/** Number of word tokens before stop-word removal (the corpus panel's length statistics). */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}
