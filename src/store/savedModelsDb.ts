import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BundleFiles, BundleKind, BundleModel } from '../models/modelBundle';

export type SavedKind = BundleKind;
export type SavedFiles = BundleFiles;

/** What the Saved list shows about a model kept in the browser (its files are stored apart). */
export interface SavedModelMeta extends BundleModel {
  id: string;
  savedAt: number;
  /** bytes of its weights, embeddings and JSON files */
  bytes: number;
}

/** The model a corpus uses, per kind: a saved model's id, or 'shipped' for the app's checkpoint. */
export type InUse = string;

/** A corpus loaded from files or pasted text is kept for the next visit up to this size. */
export const MAX_KEPT_CORPUS_BYTES = 100 * 1024 * 1024;

/** The corpus the page had loaded from files or pasted text, as it was given (to load it again). */
export type KeptCorpus =
  | { source: 'files'; files: { name: string; bytes: Uint8Array }[] }
  | { source: 'pasted'; text: string };

interface Schema extends DBSchema {
  corpus: { key: string; value: KeptCorpus };
  models: { key: string; value: SavedModelMeta };
  files: { key: string; value: { id: string; files: SavedFiles } | StoredFiles };
  inUse: { key: string; value: InUse };
}

/** The browser's store of trained models (IndexedDB): metadata, files and each corpus's choice. */
export interface SavedModelsDb {
  list(): Promise<SavedModelMeta[]>;
  /** Keep `files` under a new id; rejects (and keeps nothing) when the browser refuses the space. */
  save(
    meta: Omit<SavedModelMeta, 'id' | 'savedAt' | 'bytes'>,
    files: SavedFiles,
  ): Promise<SavedModelMeta>;
  files(id: string): Promise<SavedFiles | undefined>;
  rename(id: string, name: string): Promise<void>;
  /** Forget a model, and any corpus's choice of it. */
  remove(id: string): Promise<void>;
  inUse(corpusKey: string, kind: SavedKind): Promise<InUse | undefined>;
  setInUse(corpusKey: string, kind: SavedKind, value: InUse): Promise<void>;
  /** Whether any corpus named `corpusName` uses a saved model of `kind` (not the shipped one). */
  usesSaved(corpusName: string, kind: SavedKind): Promise<boolean>;
  /** The corpus to load at start instead of the built-in one (undefined: the built-in one). */
  lastCorpus(): Promise<KeptCorpus | undefined>;
  /** Whether a corpus is kept for the next visit (without reading it). */
  hasLastCorpus(): Promise<boolean>;
  /** Keep `corpus` for the next visit (null: go back to the built-in corpus). */
  setLastCorpus(corpus: KeptCorpus | null): Promise<void>;
}

/** Bytes a model's files take: binary members exactly, JSON members as their UTF-16 text length. */
export function filesBytes(files: SavedFiles): number {
  return storedBytes(toStored(files));
}

/**
 * A model's files as IndexedDB keeps them: JSON members as their text. IndexedDB copies what it
 * stores in one task of the page; a dense model of 50,000 documents lists their ids in its
 * manifest, and copied as 50,000 strings that took 87 ms (trace of the dense-large run), as
 * one text a fraction of it. Records saved before (`files` as objects) still read.
 */
interface StoredFiles {
  id: string;
  /** binary members as they are, JSON members as their text */
  stored: Record<string, Uint8Array | string>;
}

function toStored(files: SavedFiles): StoredFiles['stored'] {
  return Object.fromEntries(
    Object.entries(files).map(([k, v]) => [k, v instanceof Uint8Array ? v : JSON.stringify(v)]),
  );
}

function storedBytes(stored: StoredFiles['stored']): number {
  let bytes = 0;
  for (const v of Object.values(stored)) bytes += typeof v === 'string' ? v.length : v.byteLength;
  return bytes;
}

function fromStored(record: { files: SavedFiles } | StoredFiles): SavedFiles {
  if (!('stored' in record)) return record.files;
  return Object.fromEntries(
    Object.entries(record.stored).map(([k, v]) => [k, typeof v === 'string' ? JSON.parse(v) : v]),
  ) as SavedFiles;
}

const VERSION = 2;

export function openSavedModelsDb(name = 'genir-playground'): SavedModelsDb {
  let db: Promise<IDBPDatabase<Schema>> | null = null;
  const open = () =>
    (db ??= openDB<Schema>(name, VERSION, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) {
          d.createObjectStore('models', { keyPath: 'id' });
          d.createObjectStore('files', { keyPath: 'id' });
          d.createObjectStore('inUse');
        }
        if (oldVersion < 2) d.createObjectStore('corpus');
      },
    }));
  const choiceKey = (corpusKey: string, kind: SavedKind) => `${corpusKey}/${kind}`;

  return {
    async list() {
      const all = await (await open()).getAll('models');
      return all.sort((a, b) => b.savedAt - a.savedAt);
    },
    async save(meta, files) {
      const d = await open();
      const stored = toStored(files);
      const saved: SavedModelMeta = {
        ...meta,
        id: `${meta.kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        savedAt: Date.now(),
        bytes: storedBytes(stored),
      };
      const tx = d.transaction(['models', 'files'], 'readwrite');
      await Promise.all([
        tx.objectStore('files').put({ id: saved.id, stored }),
        tx.objectStore('models').put(saved),
        tx.done,
      ]);
      return saved;
    },
    async files(id) {
      const record = await (await open()).get('files', id);
      return record && fromStored(record);
    },
    async rename(id, newName) {
      const d = await open();
      const meta = await d.get('models', id);
      if (!meta) throw new Error('that model is no longer saved');
      await d.put('models', { ...meta, name: newName });
    },
    async remove(id) {
      const d = await open();
      const tx = d.transaction(['models', 'files', 'inUse'], 'readwrite');
      const choices = tx.objectStore('inUse');
      const deletions: Promise<unknown>[] = [
        tx.objectStore('models').delete(id),
        tx.objectStore('files').delete(id),
      ];
      for (let cursor = await choices.openCursor(); cursor; cursor = await cursor.continue())
        if (cursor.value === id) deletions.push(cursor.delete());
      await Promise.all([...deletions, tx.done]);
    },
    async inUse(corpusKey, kind) {
      return (await open()).get('inUse', choiceKey(corpusKey, kind));
    },
    async setInUse(corpusKey, kind, value) {
      await (await open()).put('inUse', value, choiceKey(corpusKey, kind));
    },
    async lastCorpus() {
      return (await open()).get('corpus', 'last');
    },
    async hasLastCorpus() {
      return (await (await open()).getKey('corpus', 'last')) !== undefined;
    },
    async setLastCorpus(corpus) {
      const d = await open();
      if (corpus === null) await d.delete('corpus', 'last');
      else await d.put('corpus', corpus, 'last');
    },
    async usesSaved(corpusName, kind) {
      const d = await open();
      const range = IDBKeyRange.bound(`${corpusName}#`, `${corpusName}#\uffff`);
      for (let c = await d.transaction('inUse').store.openCursor(range); c; c = await c.continue())
        if (String(c.key).endsWith(`/${kind}`) && c.value !== 'shipped') return true;
      return false;
    },
  };
}

let pageDb: SavedModelsDb | null = null;
/** The page's store (IndexedDB); null where the browser has none (then nothing is kept). */
export function pageSavedModelsDb(): SavedModelsDb | null {
  if (typeof indexedDB === 'undefined') return null;
  return (pageDb ??= openSavedModelsDb());
}
