import type { StateCreator } from 'zustand';
import { DEFAULT_BEAM_SEARCH_PARAMS, type BeamSearchParams } from '../core/decode/beamSearch';
import type { LexicalHit } from '../worker/corpusApi';
import type { GenerativeAnswer } from '../worker/engineApi';
import type { AppState } from './appStore';
import { isCurrent, isSuperseded, newRequest } from './requests';
import { DEFAULT_SEARCH_BEAM } from './urlState';
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
  /** A typed query: stored at once, searched once typing pauses (SEARCH_DEBOUNCE_MS). */
  setQuery(query: string): void;
  /** A chosen query (a picked test question): stored and searched at once. */
  submitQuery(query: string): void;
  setBeamParams(params: Partial<BeamSearchParams>): void;
  /** Search the current query with every method (BM25, generative, dense). */
  runSearch(): Promise<void>;
  runGenerativeSearch(): Promise<void>;
}

/** How many results each method lists. */
export const SEARCH_RESULTS = 10;

/** Typing must pause this long (ms) before a search starts: one search per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 150;

let pendingSearch: ReturnType<typeof setTimeout> | undefined;

export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (set, get) => ({
  query: '',
  bm25Hits: [],
  resultsFor: '',
  searchMs: null,
  generative: null,
  generativeError: null,
  beamParams: {
    ...DEFAULT_BEAM_SEARCH_PARAMS,
    beamSize: DEFAULT_SEARCH_BEAM,
    topK: SEARCH_RESULTS,
  },
  setQuery(query) {
    set({ query });
    clearTimeout(pendingSearch);
    pendingSearch = setTimeout(() => void get().runSearch(), SEARCH_DEBOUNCE_MS);
  },
  submitQuery(query) {
    clearTimeout(pendingSearch);
    set({ query });
    void get().runSearch();
  },
  setBeamParams(params) {
    const next = { ...get().beamParams, ...params };
    next.topK = Math.min(SEARCH_RESULTS, next.beamSize);
    set({ beamParams: next });
    void get().runGenerativeSearch();
  },
  async runSearch() {
    clearTimeout(pendingSearch);
    const query = get().query;
    void get().runGenerativeSearch();
    void get().runDenseSearch();
    const request = newRequest('bm25');
    if (query.trim() === '' || !get().corpus) {
      set({ bm25Hits: [], resultsFor: query, searchMs: null });
      return;
    }
    const start = performance.now();
    const hits = await corpusClient().search(query, SEARCH_RESULTS, request);
    if (isSuperseded(hits) || !isCurrent(request)) return;
    set({ bm25Hits: hits, resultsFor: query, searchMs: performance.now() - start });
  },
  async runGenerativeSearch() {
    const { query, modelStatus, beamParams } = get();
    const request = newRequest('generative');
    if (query.trim() === '' || modelStatus !== 'ready') {
      set({ generative: null, generativeError: null });
      return;
    }
    try {
      const answer = await engineClient().search(query, beamParams, request);
      if (isSuperseded(answer) || !isCurrent(request)) return;
      set({ generative: answer, generativeError: null });
    } catch (e) {
      if (isCurrent(request)) set({ generative: null, generativeError: (e as Error).message });
    }
  },
});
