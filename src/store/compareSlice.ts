import type { StateCreator } from 'zustand';
import { DEFAULT_RRF_PARAMS } from '../core/dense/fusion';
import { SEAL_SCHEME } from '../core/docids/seal';
import type { AppState } from './appStore';
import { engineClient } from './workers';

/** The methods the Compare and Evaluate panels put side by side. */
export const METHODS = ['generative', 'dense', 'bm25'] as const;
export type MethodName = (typeof METHODS)[number];

export const METHOD_LABELS: Record<MethodName | 'fusion', string> = {
  generative: 'Generative (DSI)',
  dense: 'Dense (dual encoder)',
  bm25: 'BM25',
  fusion: 'Fusion (RRF)',
};

/** The generative method's name for the model in use: SEAL's n-grams, or DSI's docids. */
export function generativeLabel(docidScheme: string | undefined): string {
  return docidScheme === SEAL_SCHEME ? 'Generative (SEAL n-grams)' : METHOD_LABELS.generative;
}

export interface CompareSlice {
  /** reciprocal-rank-fusion weight of each method (0–1; 0 leaves it out) */
  fusionWeights: Record<MethodName, number>;
  /** RRF rank offset k */
  rrfK: number;
  /** the document selected in any column or on the map; highlighted everywhere */
  selectedDoc: string | null;
  /** document id → readable docid of the generative model (map colours), once fetched */
  docidOf: Record<string, string> | null;
  setFusionWeight(method: MethodName, weight: number): void;
  setRrfK(k: number): void;
  selectDoc(docId: string | null): void;
  loadDocids(): Promise<void>;
}

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set, get) => ({
  fusionWeights: { generative: 1, dense: 1, bm25: 1 },
  rrfK: DEFAULT_RRF_PARAMS.k,
  selectedDoc: null,
  docidOf: null,
  setFusionWeight: (method, weight) =>
    set({ fusionWeights: { ...get().fusionWeights, [method]: weight } }),
  setRrfK: (rrfK) => set({ rrfK }),
  selectDoc: (selectedDoc) => set({ selectedDoc }),
  async loadDocids() {
    if (get().modelStatus !== 'ready') return set({ docidOf: null });
    set({ docidOf: await engineClient().docidsOfDocs() });
  },
});
