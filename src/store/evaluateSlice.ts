import type { StateCreator } from 'zustand';
import {
  fuseMethods,
  scoreMethods,
  type MethodResults,
  type MethodScore,
} from '../core/eval/methodComparison';
import type { AppState } from './appStore';
import { generativeLabel, METHOD_LABELS } from './compareSlice';
import { corpusClient, engineClient } from './workers';

/** Documents each method returns per query (generative beam search returns at most its beam). */
export const EVAL_DEPTH = 100;
/** Beam search used when evaluating the generative model. */
export const EVAL_BEAM = {
  beamSize: 10,
  topK: 10,
  maxLength: 32,
  lengthPenalty: 0,
  constrained: true,
};

export interface EvaluationTable {
  split: string;
  scores: MethodScore[];
  /** query id → text, for the per-query table */
  queries: { id: string; text: string }[];
  /** each method's ranked lists (method name → query id → entries), for TREC run files */
  runs: Record<string, MethodResults['run']>;
}

export interface EvaluateSlice {
  evaluation: EvaluationTable | null;
  evaluating: boolean;
  evaluateStage: string;
  evaluateError: string | null;
  /** BM25, the generative and dense models when loaded, and their fusion, on one split. */
  evaluateAll(split: string): Promise<void>;
}

export const createEvaluateSlice: StateCreator<AppState, [], [], EvaluateSlice> = (set, get) => ({
  evaluation: null,
  evaluating: false,
  evaluateStage: '',
  evaluateError: null,
  async evaluateAll(split) {
    const corpus = get().corpus;
    const qrels = corpus?.qrels[split];
    if (!corpus || !qrels) return set({ evaluateError: `the corpus has no "${split}" qrels` });
    set({ evaluating: true, evaluateError: null, evaluateStage: 'BM25' });
    try {
      const bm25 = await corpusClient().bm25Run(split, EVAL_DEPTH);
      const methods: (MethodResults & { weight: number })[] = [
        {
          name: METHOD_LABELS.bm25,
          ...bm25,
          bytes: bm25.indexBytes,
          weight: get().fusionWeights.bm25,
        },
      ];
      const { model, dense } = get();
      if (get().modelStatus === 'ready' && model) {
        set({ evaluateStage: `generative model (${bm25.queries.length} queries)` });
        const run = await engineClient().generativeRun(bm25.queries, EVAL_BEAM);
        methods.unshift({
          name: generativeLabel(model.docidScheme),
          ...run,
          // SEAL answers from its n-gram index too
          bytes: model.parameters * 4 + (model.ngramIndexBytes ?? 0),
          weight: get().fusionWeights.generative,
        });
      }
      const prefixes: MethodResults[] = [];
      if (get().denseStatus === 'ready' && dense) {
        set({ evaluateStage: `dense model (${bm25.queries.length} queries)` });
        const run = await engineClient().denseRun(bm25.queries, EVAL_DEPTH);
        const { parameterBytes, embeddingBytes, annBytes } = dense.sizes;
        methods.splice(methods.length - 1, 0, {
          name: METHOD_LABELS.dense,
          ...run,
          bytes: parameterBytes + embeddingBytes + annBytes,
          weight: get().fusionWeights.dense,
        });
        // Matryoshka: the same model searched with a prefix of each embedding (AdANNS's trade-off)
        for (const dims of dense.matryoshkaDims.filter((d) => d < dense.dim)) {
          set({ evaluateStage: `dense model, first ${dims} dimensions` });
          const prefix = await engineClient().denseRun(bm25.queries, EVAL_DEPTH, dims);
          prefixes.push({
            name: `${METHOD_LABELS.dense}, first ${dims} dims`,
            ...prefix,
            bytes: parameterBytes + (embeddingBytes * dims) / dense.dim,
          });
        }
      }
      const all: MethodResults[] = [...methods];
      if (methods.length > 1)
        all.push(fuseMethods(methods, { k: get().rrfK }, EVAL_DEPTH, METHOD_LABELS.fusion));
      all.push(...prefixes);
      set({
        evaluation: {
          split,
          scores: scoreMethods(qrels, all),
          queries: bm25.queries,
          runs: Object.fromEntries(all.map((m) => [m.name, m.run])),
        },
        evaluating: false,
        evaluateStage: '',
      });
    } catch (e) {
      set({ evaluating: false, evaluateStage: '', evaluateError: (e as Error).message });
    }
  },
});
