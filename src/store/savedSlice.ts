import type { StateCreator } from 'zustand';
import { corpusFingerprint } from '../core/corpus/fingerprint';
import type { AppState } from './appStore';
import { builtinCorpusOpen } from './corpusSlice';
import { BUILTIN_CORPUS } from './shipped';
import {
  filesBytes,
  pageSavedModelsDb as savedDb,
  type SavedKind,
  type SavedModelMeta,
} from './savedModelsDb';
import { engineImport, showImported } from './engineImport';
import { engineClient } from './workers';

export interface SavedSlice {
  /** models kept in this browser, newest first */
  savedModels: SavedModelMeta[];
  /** what went wrong last (saving, restoring, renaming); nothing loaded is lost */
  savedError: string | null;
  /** the browser's storage use and quota for this page, when it says */
  storage: { usage: number; quota: number } | null;
  /** the saved model in use per kind (null: the shipped one, or none; a query generator serves every corpus) */
  savedInUse: Record<SavedKind, string | null>;
  refreshSaved(): Promise<void>;
  /** Keep the model of `kind` in use (called when training ends); false when it was not kept. */
  saveModelInUse(kind: SavedKind): Promise<boolean>;
  /** Put a saved model in use for the loaded corpus (it must be the corpus it was trained on). */
  adoptSavedModel(id: string): Promise<void>;
  renameSavedModel(id: string, name: string): Promise<void>;
  deleteSavedModel(id: string): Promise<void>;
  /** Back to the checkpoints that ship with the app (built-in corpus only). */
  restoreShippedModels(): Promise<void>;
  /** The corpus changed: put back the saved model it used last; false when there is none. */
  restoreSaved(kind: SavedKind): Promise<boolean>;
  /**
   * Page start: load the shipped checkpoints at once, unless the built-in corpus used saved models
   * last time (those come back once the corpus and TF.js are up) or another corpus opens (a kept
   * one; `builtin`: a link asked for the built-in corpus, so none).
   */
  startModels(builtin?: boolean): Promise<void>;
}

const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * Where the choice of a kind of model is kept: per corpus, except the query generator's, which
 * is one for the whole page (a generator trained on one collection writes queries for any).
 */
export const choiceScope = (kind: SavedKind, corpusKey: string) =>
  kind === 'querygen' ? '*' : corpusKey;

const KIND_NAMES: Record<SavedKind, string> = {
  generative: 'Generative model',
  dense: 'Dense model',
  querygen: 'Query generator',
};

export const createSavedSlice: StateCreator<AppState, [], [], SavedSlice> = (set, get) => {
  const currentKey = () => {
    const { corpus } = get();
    return corpus ? corpusFingerprint(corpus) : null;
  };
  const readStorage = async () => {
    const estimate = await navigator.storage?.estimate?.();
    return estimate?.quota ? { usage: estimate.usage ?? 0, quota: estimate.quota } : null;
  };
  const failed = (what: string, e: unknown) =>
    set({ savedError: `${what}: ${(e as Error).message ?? String(e)}` });

  /** adoptions under way, by kind and id: a second call for the same model waits for the first */
  const adopting = new Map<string, Promise<boolean>>();
  const adopt = (kind: SavedKind, id: string, key: string): Promise<boolean> => {
    const tag = `${kind}/${id}/${key}`;
    const pending = adopting.get(tag);
    if (pending) return pending;
    const run = adoptNow(kind, id, key).finally(() => adopting.delete(tag));
    adopting.set(tag, run);
    return run;
  };
  /** Put `files` in use as the model of `kind` for the corpus with `key`; true when it was. */
  const adoptNow = async (kind: SavedKind, id: string, key: string): Promise<boolean> => {
    const store = savedDb();
    const files = await store?.files(id);
    if (!store || !files) return false;
    if (kind === 'querygen') {
      showImported(get(), await engineImport(kind, files, null));
      set({ savedInUse: { ...get().savedInUse, querygen: id } });
      return true;
    }
    const { corpus } = get();
    if (!corpus) return false;
    const generative = kind === 'generative';
    set(
      generative
        ? { modelStatus: 'loading', modelError: null }
        : { denseStatus: 'loading', denseError: null },
    );
    const imported = await engineImport(kind, files, corpus);
    if (currentKey() !== key) {
      // the corpus changed while the weights loaded
      await (generative ? engineClient().dropModel() : engineClient().dropDense());
      set(generative ? { modelStatus: 'none' } : { denseStatus: 'none' });
      return false;
    }
    showImported(get(), imported);
    set({ savedInUse: { ...get().savedInUse, [kind]: id } });
    return true;
  };

  /** Page start: the query generator in use last time, if it was saved (it serves any corpus). */
  const restoreQueryGenerator = async () => {
    const store = savedDb();
    try {
      const choice = await store?.inUse('*', 'querygen');
      if (choice) await adopt('querygen', choice, '*');
    } catch (e) {
      failed('Could not restore the saved query generator', e);
    }
  };

  return {
    savedModels: [],
    savedError: null,
    storage: null,
    savedInUse: { generative: null, dense: null, querygen: null },

    async refreshSaved() {
      const store = savedDb();
      if (!store) return;
      try {
        set({ savedModels: await store.list(), storage: await readStorage() });
      } catch (e) {
        failed('Could not read the saved models', e);
      }
    },

    async saveModelInUse(kind) {
      const store = savedDb();
      const { corpus, model, dense, queryGenerator } = get();
      if (!store || !corpus) return false;
      const described = describeInUse(kind, model, dense, queryGenerator);
      if (!described) return false;
      try {
        const client = engineClient();
        const files =
          kind === 'generative'
            ? await client.exportGenerative()
            : kind === 'dense'
              ? await client.exportDense()
              : await client.exportQueryGenerator();
        const bytes = filesBytes(files);
        const storage = await readStorage();
        if (storage && storage.usage + bytes > storage.quota)
          throw new Error(
            `it needs ${MB(bytes)} and this browser allows ${MB(storage.quota - storage.usage)} more for this page; delete a saved model to make room`,
          );
        const key = corpusFingerprint(corpus);
        const when = new Date().toLocaleString();
        const saved = await store.save(
          {
            kind,
            name: `${KIND_NAMES[kind]}, ${corpus.name}, ${when}`,
            corpusName: corpus.name,
            corpusKey: key,
            docCount: corpus.docs.length,
            ...described,
          },
          files,
        );
        await store.setInUse(choiceScope(kind, key), kind, saved.id);
        set({ savedInUse: { ...get().savedInUse, [kind]: saved.id }, savedError: null });
        await get().refreshSaved();
        return true;
      } catch (e) {
        failed(`The new ${KIND_NAMES[kind].toLowerCase()} works but was not saved`, e);
        return false;
      }
    },

    async adoptSavedModel(id) {
      const store = savedDb();
      const meta = get().savedModels.find((m) => m.id === id);
      const key = currentKey();
      if (!store || !meta || !key) return;
      if (meta.kind !== 'querygen' && meta.corpusKey !== key) {
        set({
          savedError: `“${meta.name}” was trained on ${meta.corpusName} (${meta.docCount} documents); load that corpus to use it`,
        });
        return;
      }
      try {
        if (await adopt(meta.kind, id, key)) {
          await store.setInUse(choiceScope(meta.kind, key), meta.kind, id);
          set({ savedError: null });
        } else failed('Could not load the saved model', new Error('its files are missing'));
      } catch (e) {
        if (meta.kind === 'generative') set({ modelStatus: get().model ? 'ready' : 'none' });
        else if (meta.kind === 'dense') set({ denseStatus: get().dense ? 'ready' : 'none' });
        failed(`Could not load “${meta.name}”; the model in use stays`, e);
      }
    },

    async renameSavedModel(id, name) {
      const store = savedDb();
      if (!store || name.trim() === '') return;
      try {
        await store.rename(id, name.trim());
        await get().refreshSaved();
      } catch (e) {
        failed('Could not rename the model', e);
      }
    },

    async deleteSavedModel(id) {
      const store = savedDb();
      if (!store) return;
      try {
        await store.remove(id);
        const inUse = get().savedInUse;
        set({
          savedInUse: {
            generative: inUse.generative === id ? null : inUse.generative,
            dense: inUse.dense === id ? null : inUse.dense,
            querygen: inUse.querygen === id ? null : inUse.querygen,
          },
        });
        await get().refreshSaved();
      } catch (e) {
        failed('Could not delete the model', e);
      }
    },

    async restoreShippedModels() {
      const corpus = get().corpus;
      if (!corpus || !builtinCorpusOpen(get())) return;
      const key = corpusFingerprint(corpus);
      set({ savedInUse: { ...get().savedInUse, generative: null, dense: null }, savedError: null });
      await Promise.all([get().loadShippedModel(), get().loadShippedDense()]);
      const store = savedDb();
      try {
        await store?.setInUse(key, 'generative', 'shipped');
        await store?.setInUse(key, 'dense', 'shipped');
      } catch (e) {
        failed('Could not remember the choice', e);
      }
    },

    async restoreSaved(kind) {
      const store = savedDb();
      const key = currentKey();
      const status = kind === 'generative' ? 'modelStatus' : 'denseStatus';
      if (!store || !key || get()[status] !== 'none') return false;
      // claimed before the first await, so two corpus changes in a row restore once
      set({ [status]: 'loading' } as Partial<AppState>);
      try {
        const choice = await store.inUse(key, kind);
        if (choice && choice !== 'shipped' && (await adopt(kind, choice, key))) return true;
        set({ [status]: 'none' } as Partial<AppState>);
        return false;
      } catch (e) {
        set({ [status]: 'none' } as Partial<AppState>);
        failed(`Could not restore the saved ${kind} model`, e);
        return false;
      }
    },

    async startModels(builtin = false) {
      const store = savedDb();
      const uses = async (kind: SavedKind) => {
        try {
          return (await store?.usesSaved(BUILTIN_CORPUS, kind)) ?? false;
        } catch {
          return false;
        }
      };
      const [generative, dense, kept] = await Promise.all([
        uses('generative'),
        uses('dense'),
        !builtin && store?.hasLastCorpus().catch(() => false),
      ]);
      // a corpus kept from the last visit opens instead of the built-in one: its models come
      // with it (syncModelWithCorpus), the shipped ones only if it fails to load
      const shippedGenerative = !kept && !generative ? get().loadShippedModel() : null;
      // the dense checkpoint after the generative one and its first answer: both run on the
      // engine's one thread, and the generative answer is the one the page is about
      if (!kept && !dense)
        void (shippedGenerative ?? Promise.resolve())
          .then(() => get().generativeSettled())
          .then(() => get().loadShippedDense());
      void get().refreshSaved();
      void restoreQueryGenerator();
    },
  };
};

/** The Saved list's description of the model of `kind` in use, or null when there is none. */
function describeInUse(
  kind: SavedKind,
  model: AppState['model'],
  dense: AppState['dense'],
  generator: AppState['queryGenerator'],
): Pick<SavedModelMeta, 'detail' | 'metrics' | 'metricsSplit'> | null {
  const millions = (n: number) => `${(n / 1e6).toFixed(2)} M parameters`;
  if (kind === 'generative' && model)
    return {
      detail: `${model.docidScheme} docids, ${millions(model.parameters)}`,
      metrics: model.metrics,
      metricsSplit: model.metricsSplit,
    };
  if (kind === 'dense' && dense)
    return {
      detail: `${dense.dim} dimensions, ${millions(dense.parameters)}`,
      metrics: dense.metrics,
      metricsSplit: dense.metricsSplit,
    };
  if (kind === 'querygen' && generator)
    return {
      detail: `writes questions for passages; learned from ${generator.pairs.toLocaleString()} (passage, question) pairs of ${generator.corpusName}, ${millions(generator.parameters)}`,
      metrics: {},
      metricsSplit: '',
    };
  return null;
}
