import type { StateCreator } from 'zustand';
import type { DenseSearchPlanParams } from '../core/dense/annRecall';
import type { DenseAnswer, DenseInfo, EmbeddingMap } from '../worker/engineApi';
import type { AppState } from './appStore';
import { builtinCorpusOpen } from './corpusSlice';
import { isCurrent, isSuperseded, newRequest } from './requests';
import { SEARCH_RESULTS } from './searchDefaults';
import { BUILTIN_CORPUS, shippedModelUrl } from './shipped';
import { engineClient } from './workers';

export interface DenseSlice {
  /** the dense retriever (dual encoder) answering queries, or null */
  dense: DenseInfo | null;
  denseStatus: 'none' | 'loading' | 'ready' | 'error';
  denseError: string | null;
  /** the dense retriever's answer for the current query */
  denseAnswer: DenseAnswer | null;
  /** Matryoshka prefix searched; null = the full embedding */
  denseDims: number | null;
  /** document embeddings on two principal axes, fetched when the Compare panel first needs them */
  embeddingMap: EmbeddingMap | null;
  loadShippedDense(): Promise<void>;
  /** When dense search switches to HNSW, for models loaded or trained after this call. */
  setDenseSearchPlan(plan: Partial<DenseSearchPlanParams>): Promise<void>;
  setDense(info: DenseInfo | null): void;
  setDenseDims(dims: number | null): void;
  runDenseSearch(): Promise<void>;
  loadEmbeddingMap(): Promise<void>;
}

/** Where the dense checkpoint of the built-in corpus is served. */
export const SHIPPED_DENSE = `${BUILTIN_CORPUS}-dense`;

export const createDenseSlice: StateCreator<AppState, [], [], DenseSlice> = (set, get) => ({
  dense: null,
  denseStatus: 'none',
  denseError: null,
  denseAnswer: null,
  denseDims: null,
  embeddingMap: null,
  async loadShippedDense() {
    if (get().denseStatus === 'loading') return;
    set({ denseStatus: 'loading', denseError: null });
    try {
      const url = shippedModelUrl(SHIPPED_DENSE);
      const texts = get().corpus?.queries.map((q) => q.text) ?? [];
      const dense = await engineClient().loadDenseCheckpoint(url, BUILTIN_CORPUS, texts);
      if (get().corpus && !builtinCorpusOpen(get())) {
        // only the shipped model: one put in use meanwhile (an import, a restore) stays
        await engineClient().dropDense({ source: 'checkpoint', corpusName: BUILTIN_CORPUS });
        if (get().dense === null) set({ denseStatus: 'none' });
        // the corpus that came in meanwhile may have a saved model of its own
        void get().syncModelWithCorpus();
        return;
      }
      get().setDense(dense);
    } catch (e) {
      set({ denseStatus: 'error', denseError: (e as Error).message });
    }
  },
  setDenseSearchPlan: (plan) => engineClient().setDenseSearchPlan(plan),
  setDense(dense) {
    set({
      dense,
      denseStatus: dense ? 'ready' : 'none',
      denseAnswer: null,
      embeddingMap: null,
      denseDims: null,
    });
    if (dense) void get().runDenseSearch();
  },
  setDenseDims(denseDims) {
    set({ denseDims });
    void get().runDenseSearch();
  },
  async runDenseSearch() {
    const { query, denseStatus, denseDims } = get();
    const request = newRequest('dense');
    if (query.trim() === '' || denseStatus !== 'ready') {
      set({ denseAnswer: null });
      return;
    }
    try {
      // the map's axes let the answer place the query on it
      if (!get().embeddingMap) await get().loadEmbeddingMap();
      const answer = await engineClient().denseSearch(
        query,
        SEARCH_RESULTS,
        denseDims ?? undefined,
        request,
      );
      if (isSuperseded(answer) || !isCurrent(request)) return;
      set({ denseAnswer: answer, denseError: null });
    } catch (e) {
      if (isCurrent(request)) set({ denseAnswer: null, denseError: (e as Error).message });
    }
  },
  async loadEmbeddingMap() {
    if (get().denseStatus !== 'ready') return;
    set({ embeddingMap: await engineClient().embeddingMap() });
  },
});
