import type { StateCreator } from 'zustand';
import { corpusFingerprint } from '../core/corpus/fingerprint';
import { makeBundle, readBundle } from '../models/modelBundle';
import { isSessionBundle } from '../models/sessionBundle';
import { download, fileSlug } from '../ui/download';
import type { AppState } from './appStore';
import { pageSavedModelsDb } from './savedModelsDb';
import { engineImport, showImported } from './engineImport';
import { choiceScope } from './savedSlice';

export interface BundleSlice {
  /** what the last import did, when it did not simply put the model in use */
  savedNotice: string | null;
  /** Download a saved model as a bundle (.zip with a manifest and SHA-256 of each member). */
  exportSavedModel(id: string): Promise<void>;
  /**
   * Read a bundle: refused with a message naming what is wrong (nothing changes), or saved, and
   * put in use when it was trained on the loaded corpus. A session bundle goes to importSession.
   */
  importBundle(name: string, bytes: Uint8Array): Promise<void>;
}

export const createBundleSlice: StateCreator<AppState, [], [], BundleSlice> = (set, get) => {
  const failed = (what: string, e: unknown) =>
    set({ savedError: `${what}: ${(e as Error).message ?? String(e)}` });
  return {
    savedNotice: null,
    async exportSavedModel(id) {
      const store = pageSavedModelsDb();
      const meta = get().savedModels.find((m) => m.id === id);
      if (!store || !meta) return;
      try {
        const files = await store.files(id);
        if (!files) throw new Error('its files are missing');
        const { id: _id, savedAt: _at, bytes: _bytes, ...model } = meta;
        const zip = await makeBundle(model, files);
        download(
          new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
          `${fileSlug(meta.name, 60, 'model')}.genir.zip`,
        );
      } catch (e) {
        failed(`Could not export “${meta.name}”`, e);
      }
    },

    async importBundle(name, bytes) {
      if (isSessionBundle(bytes)) return get().importSession(name, bytes);
      const store = pageSavedModelsDb();
      set({ savedNotice: null });
      const read = await readBundle(name, bytes);
      if (!read.ok) return set({ savedError: `Not imported: ${read.error}. Nothing changed.` });
      const { model: bundled, files } = read;
      const { corpus } = get();
      const key = corpus ? corpusFingerprint(corpus) : null;
      // a query generator serves any corpus; other models only the one they were trained on
      const inUse = bundled.kind === 'querygen' || (key !== null && bundled.corpusKey === key);
      try {
        if (inUse) showImported(get(), await engineImport(bundled.kind, files, corpus));
      } catch (e) {
        return set({
          savedError: `Not imported: ${name}: the model does not load (${(e as Error).message}). Nothing changed.`,
        });
      }
      if (!store) return;
      try {
        const saved = await store.save(bundled, files);
        if (inUse) {
          await store.setInUse(choiceScope(bundled.kind, key ?? ''), bundled.kind, saved.id);
          set({ savedInUse: { ...get().savedInUse, [bundled.kind]: saved.id } });
        }
        set({
          savedError: null,
          savedNotice: inUse
            ? `Imported “${bundled.name}”; it ${bundled.kind === 'querygen' ? 'writes the questions' : 'answers'} now.`
            : `Imported “${bundled.name}” and saved it; it was trained on ${bundled.corpusName} (${bundled.docCount} documents): load that corpus to use it.`,
        });
        await get().refreshSaved();
      } catch (e) {
        failed(`“${bundled.name}” answers now but was not saved`, e);
      }
    },
  };
};
