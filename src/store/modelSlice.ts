import type { StateCreator } from 'zustand';
import { DIGIT_VOCAB } from '../core/docids/types';
import type { ModelInfo } from '../worker/engineApi';
import type { AppState } from './appStore';
import { builtinCorpusOpen } from './corpusSlice';
import { BUILTIN_CORPUS, shippedModelUrl } from './shipped';
import { engineClient } from './workers';

export interface ModelSlice {
  /** the generative model answering queries, or null */
  model: ModelInfo | null;
  modelStatus: 'none' | 'loading' | 'ready' | 'error';
  modelError: string | null;
  /** Load the checkpoint that ships with the app (for the built-in corpus). */
  loadShippedModel(): Promise<void>;
  /**
   * The corpus changed: keep the model only if it was made for this corpus. Calls run one after
   * another (a later one waits for an earlier one's drops and restores), so awaiting one means
   * the generative model fits the corpus loaded now.
   */
  syncModelWithCorpus(): Promise<void>;
  setModel(model: ModelInfo | null): void;
}

/** The docid vocabulary of the model in use (digits until one is loaded). */
export const selectDocidVocab = (s: AppState) => s.model?.docidVocab ?? DIGIT_VOCAB;

export const createModelSlice: StateCreator<AppState, [], [], ModelSlice> = (set, get) => {
  /** the sync running now (the next one starts after it) */
  let syncing: Promise<void> = Promise.resolve();

  async function syncNow() {
    const { corpus, dense } = get();
    if (!corpus) return;
    const fits = (m: { corpusName: string; docCount: number } | null) =>
      m !== null && m.corpusName === corpus.name && m.docCount === corpus.docs.length;
    // asked when a restore has found nothing, not before: the engine may have come up meanwhile
    // (a sync that ran then skipped the model this restore had claimed)
    const builtinNow = () => builtinCorpusOpen(get()) && !!get().backend;
    if (dense && !fits(dense)) {
      await engineClient().dropDense();
      get().setDense(null);
    }
    await syncGenerative(fits, builtinNow);
    void get()
      .generativeSettled()
      .then(async () => {
        if (get().denseStatus !== 'none') return;
        const restored = await get().restoreSaved('dense');
        if (!restored && builtinNow() && get().denseStatus === 'none')
          void get().loadShippedDense();
      });
  }

  async function syncGenerative(
    fits: (m: { corpusName: string; docCount: number } | null) => boolean,
    builtinNow: () => boolean,
  ) {
    const { model } = get();
    if (fits(model)) return;
    if (model) {
      await engineClient().dropModel();
      set({
        model: null,
        modelStatus: 'none',
        generative: null,
        inspected: null,
        inspectedPlain: null,
      });
    }
    if (get().modelStatus !== 'none' || (await get().restoreSaved('generative'))) return;
    if (builtinNow() && get().modelStatus === 'none') await get().loadShippedModel();
  }

  return {
    model: null,
    modelStatus: 'none',
    modelError: null,
    async loadShippedModel() {
      if (get().modelStatus === 'loading') return;
      set({ modelStatus: 'loading', modelError: null });
      try {
        const model = await engineClient().loadCheckpoint(
          shippedModelUrl(BUILTIN_CORPUS),
          BUILTIN_CORPUS,
        );
        // the page may have switched corpus while the weights were loading
        if (get().corpus && !builtinCorpusOpen(get())) {
          // only the shipped model: one put in use meanwhile (an import, a restore) stays
          await engineClient().dropModel({ source: 'checkpoint', corpusName: BUILTIN_CORPUS });
          if (get().model === null) set({ modelStatus: 'none' });
          // the corpus that came in meanwhile may have a saved model of its own
          void get().syncModelWithCorpus();
          return;
        }
        get().setModel(model);
      } catch (e) {
        set({ modelStatus: 'error', modelError: (e as Error).message });
      }
    },
    syncModelWithCorpus() {
      const run = syncing.then(syncNow);
      syncing = run.catch(() => undefined);
      return run;
    },
    setModel(model) {
      // answers and trees of the previous model must not show under the new model's name
      set({
        model,
        modelStatus: model ? 'ready' : 'none',
        docidOf: null,
        generative: null,
        inspected: null,
        inspectedPlain: null,
      });
      void get().runGenerativeSearch();
    },
  };
};
