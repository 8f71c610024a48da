import type { StateCreator } from 'zustand';
import type { LexicalHit } from '../worker/corpusApi';
import type { AppState } from './appStore';
import { corpusClient } from './workers';

export interface SearchSlice {
  query: string;
  /** BM25 hits for `resultsFor`, best first */
  bm25Hits: LexicalHit[];
  resultsFor: string;
  searchMs: number | null;
  setQuery(query: string): void;
  runSearch(): Promise<void>;
}

/** How many BM25 results the Search panel lists. */
export const SEARCH_RESULTS = 10;

export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (set, get) => ({
  query: '',
  bm25Hits: [],
  resultsFor: '',
  searchMs: null,
  setQuery: (query) => set({ query }),
  async runSearch() {
    const query = get().query;
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
});
