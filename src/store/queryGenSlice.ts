import * as Comlink from 'comlink';
import type { StateCreator } from 'zustand';
import { DEFAULT_QUERY_FILTER_PARAMS, type QueryFilterParams } from '../core/querygen/filter';
import {
  DEFAULT_QUERYGEN_SAMPLE,
  DEMO_QUERYGEN_CONFIG,
  type QueryGenSampleParams,
  type QueryGenTrainConfig,
} from '../models/queryGenConfig';
import type { GeneratedQuery, GeneratedSummary, QueryGenInfo } from '../worker/engineApi';
import type { AppState } from './appStore';
import { engineClient } from './workers';
import { handCorpus } from './handCorpus';

export interface QueryGenSlice {
  /** the query generator's training settings (Index panel) */
  queryGenConfig: QueryGenTrainConfig;
  /** how many queries to sample per document, and how */
  querySample: QueryGenSampleParams;
  /** DSI-QG's filter: keep a query when BM25 ranks its passage within maxRank */
  queryFilter: QueryFilterParams;
  /** the generator in the engine, or null */
  queryGenerator: QueryGenInfo | null;
  /** what it wrote for the page's corpus, or null */
  generatedQueries: GeneratedSummary | null;
  /** sampling progress while it writes */
  generating: { done: number; total: number } | null;
  generateError: string | null;
  /** one document's generated questions with their filter marks, as last shown */
  generatedOfDoc: { docId: string; queries: GeneratedQuery[] } | null;
  /** Fetch the generated questions of document `docId` from the engine. */
  showGeneratedOf(docId: string): Promise<void>;
  setQueryGenConfig(config: QueryGenTrainConfig): void;
  setQuerySample(params: QueryGenSampleParams): void;
  setQueryFilter(params: QueryFilterParams): void;
  setQueryGenerator(info: QueryGenInfo | null): void;
  /** Write and filter queries for every document of the page's corpus with the generator. */
  generateQueries(): Promise<void>;
  /** The corpus changed: its generated queries go; the generator stays for the next corpus. */
  dropGeneratedQueries(): Promise<void>;
}

export const createQueryGenSlice: StateCreator<AppState, [], [], QueryGenSlice> = (set, get) => ({
  queryGenConfig: DEMO_QUERYGEN_CONFIG,
  querySample: DEFAULT_QUERYGEN_SAMPLE,
  queryFilter: DEFAULT_QUERY_FILTER_PARAMS,
  queryGenerator: null,
  generatedQueries: null,
  generating: null,
  generateError: null,
  generatedOfDoc: null,
  async showGeneratedOf(docId) {
    const queries = await engineClient().generatedFor(docId);
    set({ generatedOfDoc: { docId, queries } });
  },
  setQueryGenConfig: (queryGenConfig) => set({ queryGenConfig }),
  setQuerySample: (querySample) => set({ querySample }),
  setQueryFilter: (queryFilter) => set({ queryFilter }),
  setQueryGenerator: (queryGenerator) => set({ queryGenerator }),
  async generateQueries() {
    const { corpus, querySample, queryFilter, queryGenerator, generating } = get();
    if (!corpus || !queryGenerator || generating) return;
    set({ generating: { done: 0, total: corpus.docs.length }, generateError: null });
    try {
      const summary = await engineClient().generateQueries(
        await handCorpus(corpus),
        querySample,
        queryFilter,
        Comlink.proxy((done: number, total: number) => set({ generating: { done, total } })),
      );
      // the corpus may have changed while the generator wrote
      if (get().corpus === corpus) set({ generatedQueries: summary, generatedOfDoc: null });
    } catch (e) {
      set({ generateError: (e as Error).message });
    } finally {
      set({ generating: null });
    }
  },
  async dropGeneratedQueries() {
    set({ generatedQueries: null, generateError: null, generatedOfDoc: null });
    await engineClient().dropGenerated();
  },
});
