import { buildBM25Index, searchBM25 } from '../lexical/bm25';
import type { DsiExample } from './examples';

/**
 * Distillation (as in RIPOR, Zeng et al. 2024, and DGR, Li et al. 2024): the generative model's
 * first decoding step is pulled toward a teacher's ranking of the documents for the same query.
 */
export interface DistillParams {
  /** Whose ranking: none, BM25, or the dense retriever of this corpus. Default 'none'. */
  teacher: 'none' | 'bm25' | 'dense';
  /** Weight λ of the distillation term beside the docid cross-entropy. Default 1; range 0–10. */
  weight: number;
  /**
   * Softness: a document scoring s gets weight exp((s − s₁) / (τ · |s₁|)) against the top
   * score s₁, so τ is relative and suits BM25 and cosine scores alike. Default 0.1; 0.01–10.
   */
  temperature: number;
  /** Teacher documents kept per query. Default 20; range 1–100. */
  topK: number;
}

export const DEFAULT_DISTILL_PARAMS: DistillParams = {
  teacher: 'none',
  weight: 1,
  temperature: 0.1,
  topK: 20,
};

/** A teacher's hits for one query, best first: document numbers with scores. */
export type TeacherHits = readonly { doc: number; score: number }[];

/** A sparse distribution over the decoder's first-step tokens (ascending tokens, probs sum to 1). */
export interface SoftTarget {
  tokens: Int32Array;
  probs: Float32Array;
}

/**
 * The teacher's distribution over first decoding steps: softmax of its scores (relative
 * temperature, see DistillParams), each document's mass given to its docid's first token. With
 * atomic docids that is a distribution over documents; with hierarchical ones, over top clusters.
 * Null when the teacher found nothing.
 */
export function firstStepTarget(
  hits: TeacherHits,
  docids: readonly (readonly number[])[],
  temperature: number,
): SoftTarget | null {
  if (hits.length === 0) return null;
  const top = hits[0].score;
  const scale = Math.max(1e-6, temperature) * (Math.abs(top) || 1);
  const mass = new Map<number, number>();
  let total = 0;
  for (const { doc, score } of hits) {
    const w = Math.exp((score - top) / scale);
    const token = docids[doc][0];
    mass.set(token, (mass.get(token) ?? 0) + w);
    total += w;
  }
  const tokens = [...mass.keys()].sort((a, b) => a - b);
  return {
    tokens: Int32Array.from(tokens),
    probs: Float32Array.from(tokens, (t) => mass.get(t)! / total),
  };
}

/** Ranks documents for many query texts at once: the top `k` hits of each, best first. */
export type Teacher = (
  texts: readonly string[],
  k: number,
) => Promise<TeacherHits[]> | TeacherHits[];

/** Kinds of examples a teacher ranks: the query-like ones, not documents or pre-training pairs. */
const TAUGHT = new Set(['query', 'pseudo', 'generated']);

/**
 * `examples` with the teacher's first-step target on each query-like example. `cache` (text →
 * target) spares the teacher a text it has ranked before, e.g. a real query in every epoch.
 */
export async function withTeacherTargets(
  examples: readonly DsiExample[],
  teacher: Teacher,
  docids: readonly (readonly number[])[],
  params: Pick<DistillParams, 'temperature' | 'topK'>,
  cache: Map<string, SoftTarget | null>,
): Promise<DsiExample[]> {
  const todo = [
    ...new Set(
      examples
        .filter((e) => TAUGHT.has(e.kind) && e.text !== undefined && !cache.has(e.text))
        .map((e) => e.text!),
    ),
  ];
  const hits = todo.length > 0 ? await teacher(todo, params.topK) : [];
  todo.forEach((text, i) => cache.set(text, firstStepTarget(hits[i], docids, params.temperature)));
  return examples.map((e) => {
    const target = TAUGHT.has(e.kind) && e.text !== undefined ? cache.get(e.text) : undefined;
    return target ? { ...e, teacher: target } : e;
  });
}

/** BM25 over the documents' texts as a teacher (the same analyzer and parameters as search). */
export function bm25Teacher(docTexts: readonly string[]): Teacher {
  const index = buildBM25Index(docTexts.map((text) => ({ text })));
  return (texts, k) => texts.map((t) => searchBM25(index, t, k));
}
