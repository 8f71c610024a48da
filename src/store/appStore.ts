import { create } from 'zustand';
import { createBackendSlice, type BackendSlice } from './backendSlice';
import { createCorpusSlice, type CorpusSlice } from './corpusSlice';
import { createEvaluateSlice, type EvaluateSlice } from './evaluateSlice';
import { createInspectSlice, type InspectSlice } from './inspectSlice';
import { createModelSlice, type ModelSlice } from './modelSlice';
import { createSearchSlice, type SearchSlice } from './searchSlice';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';

export type AppState = CorpusSlice &
  SearchSlice &
  InspectSlice &
  EvaluateSlice &
  BackendSlice &
  ModelSlice &
  TrainingSlice & {
    /** Called after a new corpus is in place: results that belonged to the old one are cleared. */
    onCorpusChanged(): void;
  };

export const useAppStore = create<AppState>()((...a) => {
  const [set, get] = a;
  return {
    ...createCorpusSlice(...a),
    ...createSearchSlice(...a),
    ...createInspectSlice(...a),
    ...createEvaluateSlice(...a),
    ...createBackendSlice(...a),
    ...createModelSlice(...a),
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
      });
      void get().syncModelWithCorpus();
      void get().runSearch();
    },
  };
});
