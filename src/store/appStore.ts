import { create } from 'zustand';
import { createBackendSlice, type BackendSlice } from './backendSlice';
import { createBundleSlice, type BundleSlice } from './bundleSlice';
import { createCorpusSlice, type CorpusSlice } from './corpusSlice';
import { createEvaluateSlice, type EvaluateSlice } from './evaluateSlice';
import { createCompareSlice, type CompareSlice } from './compareSlice';
import { createDenseSlice, type DenseSlice } from './denseSlice';
import { createInspectSlice, type InspectSlice } from './inspectSlice';
import { createModelSlice, type ModelSlice } from './modelSlice';
import { createQueryGenSlice, type QueryGenSlice } from './queryGenSlice';
import { createSavedSlice, type SavedSlice } from './savedSlice';
import { createSearchSlice, type SearchSlice } from './searchSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { whenState } from './whenState';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';

export type AppState = CorpusSlice &
  SearchSlice &
  InspectSlice &
  DenseSlice &
  CompareSlice &
  EvaluateSlice &
  BackendSlice &
  ModelSlice &
  QueryGenSlice &
  SavedSlice &
  BundleSlice &
  SessionSlice &
  TrainingSlice & {
    /** Called after a new corpus is in place: results that belonged to the old one are cleared. */
    onCorpusChanged(): void;
  };

/**
 * Settles once the page's generative model is in use (or failed to load) and has answered the
 * question waiting, if any.
 */
export async function firstAnswerSettled(): Promise<void> {
  await whenState(useAppStore, (s) => s.modelStatus === 'ready' || s.modelStatus === 'error');
  await useAppStore.getState().generativeSettled();
}

export const useAppStore = create<AppState>()((...a) => {
  const [set, get] = a;
  return {
    ...createCorpusSlice(...a),
    ...createSearchSlice(...a),
    ...createInspectSlice(...a),
    ...createDenseSlice(...a),
    ...createCompareSlice(...a),
    ...createEvaluateSlice(...a),
    ...createBackendSlice(...a),
    ...createModelSlice(...a),
    ...createQueryGenSlice(...a),
    ...createSavedSlice(...a),
    ...createBundleSlice(...a),
    ...createSessionSlice(...a),
    ...createTrainingSlice(...a),
    onCorpusChanged() {
      set({
        evaluation: null,
        evaluateError: null,
        bm25Hits: [],
        resultsFor: '',
        generative: null,
        inspected: null,
        inspectedPlain: null,
        denseAnswer: null,
        embeddingMap: null,
        selectedDoc: null,
        docidOf: null,
      });
      void get().syncModelWithCorpus();
      void get().dropGeneratedQueries();
      void get().runSearch();
    },
  };
});
