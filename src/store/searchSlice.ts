import type { StateCreator } from 'zustand';
import type { BeamSearchParams } from '../core/decode/beamSearch';
import type { LexicalHit } from '../worker/corpusApi';
import type { GenerativeAnswer, ModelInfo } from '../worker/engineApi';
import type { RequestTag } from '../worker/latestRequests';
import type { AppState } from './appStore';
import { isCurrent, isSuperseded, newRequest } from './requests';
import { DEFAULT_SEARCH_PARAMS, SEARCH_RESULTS } from './searchDefaults';
import { whenState } from './whenState';
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
  /**
   * A typed query: stored at once, searched once typing pauses (SEARCH_DEBOUNCE_MS); one that
   * arrives whole (pasted, or filled in by the browser: more than one character changed) is
   * searched at once.
   */
  setQuery(query: string): void;
  /** A chosen query (a picked test question): stored and searched at once. */
  submitQuery(query: string): void;
  setBeamParams(params: Partial<BeamSearchParams>): void;
  /** Search the current query with every method (BM25, generative, dense). */
  runSearch(): Promise<void>;
  runGenerativeSearch(): Promise<void>;
  /**
   * Settles once no generative model is loading and no generative search is under way (each one
   * answered, superseded or failed). The dense model waits for it: both run on the engine's one
   * thread, and a dense checkpoint imported during the first decode delayed the first generative
   * answer by about 100 ms (two cores).
   */
  generativeSettled(): Promise<void>;
}

/** Typing must pause this long (ms) before a search starts: one search per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 150;

let pendingSearch: ReturnType<typeof setTimeout> | undefined;

/** runGenerativeSearch calls not yet returned */
const generativeUnderWay = new Set<Promise<void>>();

export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (
  set,
  get,
  store,
) => ({
  query: '',
  bm25Hits: [],
  resultsFor: '',
  searchMs: null,
  generative: null,
  generativeError: null,
  beamParams: { ...DEFAULT_SEARCH_PARAMS },
  setQuery(query) {
    const arrivedWhole = Math.abs(query.length - get().query.length) > 1;
    set({ query });
    clearTimeout(pendingSearch);
    if (arrivedWhole) void get().runSearch();
    else pendingSearch = setTimeout(() => void get().runSearch(), SEARCH_DEBOUNCE_MS);
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
  runGenerativeSearch() {
    const run = searchGenerative(get, set);
    generativeUnderWay.add(run);
    void run.finally(() => generativeUnderWay.delete(run));
    return run;
  },
  async generativeSettled() {
    for (;;) {
      if (generativeUnderWay.size > 0) await Promise.allSettled([...generativeUnderWay]);
      // a model on its way searches the query waiting as it arrives (setModel)
      else if (get().modelStatus === 'loading')
        await whenState(store, (s) => s.modelStatus !== 'loading');
      else return;
    }
  },
});

/** One generative search of the current query (runGenerativeSearch). */
async function searchGenerative(get: () => AppState, set: (s: Partial<AppState>) => void) {
  const { query, modelStatus, beamParams, model, corpus } = get();
  if (query.trim() === '' || modelStatus !== 'ready') {
    newRequest('generative');
    lastGenerative = null;
    set({ generative: null, generativeError: null });
    return;
  }
  const asked = { query, params: beamParams, model };
  const reuse = lastGenerative ? reuseGenerative(lastGenerative, asked, corpus) : 'search';
  if (reuse === 'answered') set({ generative: lastGenerative!.answer!, generativeError: null });
  if (reuse !== 'search') return;
  const request = newRequest('generative');
  const entry: LastGenerative = { ...asked, request };
  lastGenerative = entry;
  try {
    const answer = await engineClient().search(query, beamParams, request);
    if (isSuperseded(answer) || !isCurrent(request)) return;
    entry.answer = answer;
    set({ generative: answer, generativeError: null });
  } catch (e) {
    if (!isCurrent(request)) return;
    lastGenerative = null;
    set({ generative: null, generativeError: (e as Error).message });
  }
}

/** The generative search asked last: its query, decoding settings, model, and answer once it came. */
export interface LastGenerative {
  query: string;
  params: BeamSearchParams;
  model: ModelInfo | null;
  request: RequestTag;
  answer?: GenerativeAnswer;
}

let lastGenerative: LastGenerative | null = null;

/**
 * Whether a generative search for `asked` is needed, or the last one serves: its answer
 * ('answered') or its request still under way ('pending'). It serves when the query, the
 * settings and the model are the same and the model was made for the corpus open now (or none is
 * open yet). At start-up the query, the model becoming ready and the corpus arriving each ask
 * again; without this each request would cancel the one before and start the decoding over.
 */
export function reuseGenerative(
  last: LastGenerative,
  asked: Pick<LastGenerative, 'query' | 'params' | 'model'>,
  corpus: { name: string; docs: readonly unknown[] } | null,
): 'answered' | 'pending' | 'search' {
  const same =
    last.query === asked.query && last.params === asked.params && last.model === asked.model;
  const fits =
    corpus === null ||
    (asked.model?.corpusName === corpus.name && asked.model.docCount === corpus.docs.length);
  if (!same || !fits) return 'search';
  if (last.answer) return 'answered';
  return isCurrent(last.request) ? 'pending' : 'search';
}
