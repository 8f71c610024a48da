import { encodeSource, type DsiExample, type DsiMixParams } from '../dsi/examples';
import { randomInt, type Random } from '../random';
import type { SubwordTokenizer } from '../text/tokenizer';

/**
 * SEAL's training pairs (Bevilacqua et al. 2022): the model learns to write n-grams of a relevant
 * document. A document's own text asks for a random span of it; a question asks for the span of
 * its document that shares most of its words, and for the document's title (its first tokens).
 * Spans are whole words, so the n-grams the model learns to write are phrases.
 */
export interface SealSources {
  /** per document: its title + text as decoder tokens (the corpus the FM-index holds) */
  docTokens: readonly (readonly number[])[];
  /** per document: how many of its first tokens are the title (0 without one) */
  titleTokens: readonly number[];
  /** per document: title + text, for the encoder */
  docTexts: readonly string[];
  /** real training queries, rule-based pseudo-queries and the learned generator's kept queries */
  queries: readonly { text: string; doc: number }[];
  pseudo: readonly { text: string; doc: number }[];
  generated?: readonly { text: string; doc: number }[];
  /** decoder tokens that begin a word: spans start with one and stop before the next one */
  wordStarts: ReadonlySet<number>;
}

/** Top-scoring windows one is drawn from, so epochs see neighbouring spans, not one. */
const BEST_WINDOWS = 3;

/**
 * Where spans of `tokens` may start (positions of word-initial tokens; all positions when none is),
 * and the span of at most `length` tokens from `start` that stops before a word is cut, when it can.
 */
function wordSpan(
  tokens: readonly number[],
  start: number,
  length: number,
  wordStarts: ReadonlySet<number>,
): number[] {
  let end = Math.min(tokens.length, start + length);
  if (end < tokens.length) {
    let back = end;
    while (back > start + 1 && !wordStarts.has(tokens[back])) back--;
    if (wordStarts.has(tokens[back])) end = back;
  }
  return tokens.slice(start, end);
}

function startPositions(tokens: readonly number[], wordStarts: ReadonlySet<number>): number[] {
  const starts = tokens.flatMap((t, i) => (wordStarts.has(t) ? [i] : []));
  return starts.length > 0 ? starts : tokens.map((_, i) => i);
}

/**
 * A document example: a random span of whole words (at most `length` tokens) and, as the encoder's
 * input, a window of `srcLen` tokens of the same document that holds it. The encoder sees at most
 * `srcLen` tokens, so a span drawn from the whole of a longer document could not be read from the
 * input; inside the window the model learns to copy, which is what it does with a question's words.
 */
export function spanInWindow(
  tokens: readonly number[],
  srcLen: number,
  length: number,
  wordStarts: ReadonlySet<number>,
  random: Random,
): { window: [number, number]; span: number[] } {
  if (tokens.length === 0) return { window: [0, 0], span: [] };
  const starts = startPositions(tokens, wordStarts);
  const start = starts[randomInt(random, starts.length)];
  const span = wordSpan(tokens, start, length, wordStarts);
  // the window [from, from + srcLen) must hold [start, start + span.length) and stay in the text
  const lo = Math.max(0, start + span.length - srcLen);
  const hi = Math.max(lo, Math.min(start, tokens.length - srcLen));
  const from = lo + randomInt(random, hi - lo + 1);
  return { window: [from, Math.min(tokens.length, from + srcLen)], span };
}

/**
 * The span of whole words (at most `length` tokens) holding the most distinct tokens of `query`,
 * drawn among the BEST_WINDOWS best (ties: the earlier).
 */
export function overlappingSpan(
  tokens: readonly number[],
  query: ReadonlySet<number>,
  length: number,
  wordStarts: ReadonlySet<number>,
  random: Random,
): number[] {
  if (tokens.length === 0) return [];
  const scored = startPositions(tokens, wordStarts).map((start) => {
    const span = wordSpan(tokens, start, length, wordStarts);
    return { span, overlap: new Set(span.filter((t) => query.has(t))).size, start };
  });
  scored.sort((a, b) => b.overlap - a.overlap || a.start - b.start);
  const best = scored.slice(0, BEST_WINDOWS).filter((w) => w.overlap === scored[0].overlap);
  return best[randomInt(random, best.length)].span;
}

/**
 * One epoch's SEAL examples: `mix.indexing` copies per document (a window of its text → a random
 * span inside the window), and per question of each kind its copies, each asking for the
 * best-overlapping span and, when the document has a title, another asking for the title. Empty
 * sources and targets are skipped.
 */
export function sealExamples(
  sources: SealSources,
  tokenizer: SubwordTokenizer,
  srcLen: number,
  mix: DsiMixParams,
  ngramLength: number,
  random: Random,
): DsiExample[] {
  const out: DsiExample[] = [];
  const push = (
    kind: DsiExample['kind'],
    src: number[],
    doc: number,
    target: number[],
    text?: string,
  ) => {
    if (src.length > 0 && target.length > 0)
      out.push({ kind, src, doc, target, ...(text ? { text } : {}) });
  };
  sources.docTexts.forEach((text, doc) => {
    // the encoder's tokens of the document, position for position the n-gram index's (same text)
    const encoded = tokenizer.encode(text);
    for (let c = 0; c < mix.indexing; c++) {
      const { window, span } = spanInWindow(
        sources.docTokens[doc],
        srcLen,
        ngramLength,
        sources.wordStarts,
        random,
      );
      push('indexing', encoded.slice(window[0], window[1]), doc, span);
    }
  });
  const questions = [
    ['query', sources.queries, mix.queries],
    ['pseudo', sources.pseudo, mix.pseudo],
    ['generated', sources.generated ?? [], mix.generated],
  ] as const;
  for (const [kind, pairs, copies] of questions) {
    for (const { text, doc } of pairs) {
      const src = encodeSource(tokenizer, text, srcLen);
      const words = new Set(tokenizer.encode(text));
      const tokens = sources.docTokens[doc];
      const title = tokens.slice(0, Math.min(sources.titleTokens[doc], ngramLength));
      for (let c = 0; c < copies; c++) {
        push(
          kind,
          src,
          doc,
          overlappingSpan(tokens, words, ngramLength, sources.wordStarts, random),
          text,
        );
        if (title.length > 0) push(kind, src, doc, title, text);
      }
    }
  }
  return out;
}
