import type { StateCreator } from 'zustand';
import type { LexicalEvaluation } from '../worker/corpusApi';
import type { AppState } from './appStore';
import { corpusClient } from './workers';

export interface EvaluateSlice {
  evaluation: LexicalEvaluation | null;
  evaluating: boolean;
  evaluateError: string | null;
  evaluateBM25(split: string): Promise<void>;
}

export const createEvaluateSlice: StateCreator<AppState, [], [], EvaluateSlice> = (set) => ({
  evaluation: null,
  evaluating: false,
  evaluateError: null,
  async evaluateBM25(split) {
    set({ evaluating: true, evaluateError: null });
    try {
      set({ evaluation: await corpusClient().evaluate(split), evaluating: false });
    } catch (e) {
      set({ evaluating: false, evaluateError: (e as Error).message });
    }
  },
});
