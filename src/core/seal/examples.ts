import { encodeSource, type DsiExample, type DsiMixParams } from '../dsi/examples';
import { randomInt, type Random } from '../random';
import type { SubwordTokenizer } from '../text/tokenizer';

/**
 * SEAL's training pairs (Bevilacqua et al. 2022): the model learns to write n-grams of a relevant
 * document. A document's own text asks for a random span of it; a question asks for the span of
 * its document that shares most of its words, and for the document's title (its first tokens).
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
}

/** Top-scoring windows one is drawn from, so epochs see neighbouring spans, not one. */
const BEST_WINDOWS = 3;

/** A random span of `length` tokens (the whole text when shorter). */
export function randomSpan(tokens: readonly number[], length: number, random: Random): number[] {
  if (tokens.length <= length) return [...tokens];
  const start = randomInt(random, tokens.length - length + 1);
  return tokens.slice(start, start + length);
}

/**
 * The span of `length` tokens of `tokens` holding the most distinct tokens of `query`, drawn among
 * the BEST_WINDOWS best windows (ties: the earlier); the whole text when shorter.
 */
export function overlappingSpan(
  tokens: readonly number[],
  query: ReadonlySet<number>,
  length: number,
  random: Random,
): number[] {
  if (tokens.length <= length) return [...tokens];
  const scored: { start: number; overlap: number }[] = [];
  for (let start = 0; start + length <= tokens.length; start++) {
    const seen = new Set<number>();
    for (let i = start; i < start + length; i++) if (query.has(tokens[i])) seen.add(tokens[i]);
    scored.push({ start, overlap: seen.size });
  }
  scored.sort((a, b) => b.overlap - a.overlap || a.start - b.start);
  const best = scored.slice(0, BEST_WINDOWS).filter((w) => w.overlap === scored[0].overlap);
  const { start } = best[randomInt(random, best.length)];
  return tokens.slice(start, start + length);
}

/**
 * One epoch's SEAL examples: `mix.indexing` copies per document (its text → a random span), and
 * per question of each kind its copies, each asking for the best-overlapping span and, when the
 * document has a title, another asking for the title. Empty sources and targets are skipped.
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
    const src = encodeSource(tokenizer, text, srcLen);
    for (let c = 0; c < mix.indexing; c++) {
      push('indexing', src, doc, randomSpan(sources.docTokens[doc], ngramLength, random));
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
        push(kind, src, doc, overlappingSpan(tokens, words, ngramLength, random), text);
        if (title.length > 0) push(kind, src, doc, title, text);
      }
    }
  }
  return out;
}
