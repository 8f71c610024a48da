import { createRandom, randomInt } from '../random';

/** Which CorpusBrain task made a pair. */
export type SelfSupervisedTask = 'inner' | 'lead';

export interface SelfSupervisedParams {
  /** Inner sentences taken per document (ISS). Default 2; range 0–10. */
  innerPerDoc: number;
  /** Leading sentences that stand for the document (LPS). Default 2; range 0 (off)–5. */
  leadSentences: number;
  seed: number;
}

export const DEFAULT_SELF_SUPERVISED_PARAMS: SelfSupervisedParams = {
  innerPerDoc: 2,
  leadSentences: 2,
  seed: 1,
};

/** Sentences of a text: split after . ! or ? followed by white space. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * CorpusBrain's pre-training pairs (Chen et al. 2022), built from the corpus alone: an inner
 * sentence of a document → the document (ISS: a sentence stands for its page), and the leading
 * sentences → the document (LPS: the lead summarises it). `texts` holds title + text per document.
 * Deterministic for a seed; a document of one sentence gives its lead pair only.
 */
export function selfSupervisedPairs(
  texts: readonly string[],
  params: SelfSupervisedParams = DEFAULT_SELF_SUPERVISED_PARAMS,
): { doc: number; text: string; task: SelfSupervisedTask }[] {
  const random = createRandom(params.seed);
  const pairs: { doc: number; text: string; task: SelfSupervisedTask }[] = [];
  texts.forEach((text, doc) => {
    const all = sentences(text);
    const lead = Math.min(Math.max(0, Math.floor(params.leadSentences)), all.length);
    if (lead > 0) pairs.push({ doc, text: all.slice(0, lead).join(' '), task: 'lead' });
    const inner = all.slice(lead);
    for (let i = 0; i < Math.min(params.innerPerDoc, inner.length); i++) {
      const [sentence] = inner.splice(randomInt(random, inner.length), 1);
      pairs.push({ doc, text: sentence, task: 'inner' });
    }
  });
  return pairs;
}
