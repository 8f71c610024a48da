import type { StateCreator } from 'zustand';
import { corpusFingerprint } from '../core/corpus/fingerprint';
import { BUNDLE_KINDS } from '../models/modelBundle';
import {
  makeSessionBundle,
  readSessionBundle,
  type SessionCorpusInput,
  type SessionModel,
} from '../models/sessionBundle';
import { download, fileSlug } from '../ui/download';
import type { AppState } from './appStore';
import { choiceScope } from './savedSlice';
import { whenState } from './whenState';
import { MAX_KEPT_CORPUS_BYTES, pageSavedModelsDb, type SavedModelMeta } from './savedModelsDb';

export interface SessionSlice {
  /**
   * Download the corpus and the saved models in use for it (generative, dense, query generator)
   * as one .zip; the shipped checkpoints stay out (every copy of the page has them).
   */
  exportSession(): Promise<void>;
  /**
   * Read a session bundle: refused with a message naming what is wrong (nothing changes), or its
   * models saved, its corpus loaded and its models put in use.
   */
  importSession(name: string, bytes: Uint8Array): Promise<void>;
}

const mib = MAX_KEPT_CORPUS_BYTES / 1024 / 1024;

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get, app) => {
  const keyOf = () => {
    const { corpus } = get();
    return corpus ? corpusFingerprint(corpus) : null;
  };
  /** Load the session's corpus; true when the loaded corpus is the one its models were trained on. */
  const loadCorpus = async (input: SessionCorpusInput, key: string) => {
    if (input.source === 'built-in') await get().loadBuiltinCorpus();
    else if (input.source === 'files') await get().loadCorpusFiles(input.files);
    else await get().loadPastedCorpus(input.text);
    return keyOf() === key;
  };

  return {
    async exportSession() {
      const store = pageSavedModelsDb();
      const { corpus, corpusSource, savedInUse, savedModels } = get();
      if (!store || !corpus) return;
      try {
        let input: SessionCorpusInput;
        if (corpusSource === 'built-in') input = { source: 'built-in' };
        else {
          // a corpus just loaded is written after it is shown
          await whenState(app, (s) => s.corpusKept !== 'keeping');
          const kept = await store.lastCorpus();
          if (!kept)
            throw new Error(
              `this corpus is larger than the ${mib} MiB the page keeps, so it cannot go into a session; export its models one by one`,
            );
          input = kept;
        }
        const key = corpusFingerprint(corpus);
        const models: SessionModel[] = [];
        for (const kind of BUNDLE_KINDS) {
          const meta = savedModels.find((m) => m.id === savedInUse[kind]);
          // a query generator trained on another collection stays out: a session is one corpus
          if (!meta || meta.corpusKey !== key) continue;
          const files = await store.files(meta.id);
          if (!files) throw new Error(`the files of “${meta.name}” are missing`);
          const { id: _id, savedAt: _at, bytes: _bytes, ...model } = meta;
          models.push({ model, files });
        }
        const info = { name: corpus.name, corpusKey: key, docCount: corpus.docs.length };
        const zip = await makeSessionBundle(input, info, models);
        download(
          new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
          `session-${fileSlug(corpus.name, 40, 'corpus')}.genir.zip`,
        );
      } catch (e) {
        set({ savedError: `Could not export the session: ${(e as Error).message}` });
      }
    },

    async importSession(name, bytes) {
      // what an earlier import or save said is not about this bundle
      set({ savedNotice: null, savedError: null });
      const read = await readSessionBundle(name, bytes);
      if (!read.ok) return set({ savedError: `Not imported: ${read.error}. Nothing changed.` });
      const store = pageSavedModelsDb();
      if (!store)
        return set({
          savedError: `Not imported: ${name}: this browser keeps no data (IndexedDB).`,
        });
      const { corpus, info, models } = read;
      // kept first, and chosen for the bundle's corpus, so that loading it puts them in use
      const saved: SavedModelMeta[] = [];
      const forget = () => Promise.all(saved.map((m) => store.remove(m.id)));
      try {
        for (const { model, files } of models) {
          const meta = await store.save(model, files);
          saved.push(meta);
          await store.setInUse(choiceScope(model.kind, info.corpusKey), model.kind, meta.id);
        }
      } catch (e) {
        await forget().catch(() => undefined);
        return set({
          savedError: `Not imported: ${name}: its models could not be saved (${(e as Error).message}). Nothing changed.`,
        });
      }
      if (keyOf() !== info.corpusKey && !(await loadCorpus(corpus, info.corpusKey))) {
        await forget().catch(() => undefined);
        await get().refreshSaved();
        const why = get().loadError ?? `it loaded as another corpus than ${info.name}`;
        return set({ savedError: `Not imported: ${name}: its corpus did not load (${why}).` });
      }
      // the new corpus's drops and restores first (they put the session's models in use, as chosen
      // above); then whatever is not in use yet
      await get().syncModelWithCorpus();
      await get().refreshSaved();
      for (const meta of saved)
        if (get().savedInUse[meta.kind] !== meta.id) await get().adoptSavedModel(meta.id);
      if (get().savedError) return;
      // imported means kept: a reload opens the session's corpus
      await whenState(app, (s) => s.corpusKept !== 'keeping');
      const what = models.length === 1 ? 'its model answers' : `its ${models.length} models answer`;
      set({
        savedNotice: `Imported the session “${name}”: ${info.name} (${info.docCount.toLocaleString()} documents)${models.length ? `; ${what} now` : ''}.`,
      });
    },
  };
};
