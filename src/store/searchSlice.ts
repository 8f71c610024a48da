import type { StateCreator } from 'zustand';
import { DEFAULT_BEAM_SEARCH_PARAMS, type BeamSearchParams } from '../core/decode/beamSearch';
import type { LexicalHit } from '../worker/corpusApi';
import type { GenerativeAnswer } from '../worker/engineApi';
import type { AppState } from './appStore';
import { corpusClient, engineClient } from './workers';

export interface SearchSlice {
  query: string;
  /** BM25 hits for `resultsFor`, best first */
  bm25Hits: LexicalHit[];
  resultsFor: string;
  searchMs: number | null;
  /** the generative model's answer for the current query */
  generative: GenerativeAnswer | null;
  generativeError: string | null;
  beamParams: BeamSearchParams;
  setQuery(query: string): void;
  setBeamParams(params: Partial<BeamSearchParams>): void;
  runSearch(): Promise<void>;
  runGenerativeSearch(): Promise<void>;
}

/** How many results each method lists. */
export const SEARCH_RESULTS = 10;

export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (set, get) => ({
  query: '',
  bm25Hits: [],
  resultsFor: '',
  searchMs: null,
  generative: null,
  generativeError: null,
  beamParams: { ...DEFAULT_BEAM_SEARCH_PARAMS, beamSize: 10, topK: SEARCH_RESULTS },
  setQuery: (query) => set({ query }),
  setBeamParams(params) {
    const next = { ...get().beamParams, ...params };
    next.topK = Math.min(SEARCH_RESULTS, next.beamSize);
    set({ beamParams: next });
    void get().runGenerativeSearch();
  },
  async runSearch() {
    const query = get().query;
    void get().runGenerativeSearch();
    void get().runDenseSearch();
    if (query.trim() === '' || !get().corpus) {
      set({ bm25Hits: [], resultsFor: query, searchMs: null });
      return;
    }
    const start = performance.now();
    const hits = await corpusClient().search(query, SEARCH_RESULTS);
    // a newer query may have been typed meanwhile: keep only the latest answer
    if (get().query === query)
      set({ bm25Hits: hits, resultsFor: query, searchMs: performance.now() - start });
  },
  async runGenerativeSearch() {
    const { query, modelStatus, beamParams } = get();
    if (query.trim() === '' || modelStatus !== 'ready') {
      set({ generative: null, generativeError: null });
      return;
    }
    try {
      const answer = await engineClient().search(query, beamParams);
      if (get().query === query) set({ generative: answer, generativeError: null });
    } catch (e) {
      if (get().query === query) set({ generative: null, generativeError: (e as Error).message });
    }
  },
});
