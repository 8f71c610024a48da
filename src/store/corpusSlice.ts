import * as Comlink from 'comlink';
import type { StateCreator } from 'zustand';
import type { Corpus, InputFile } from '../core/corpus/types';
import { describeLoadError } from '../core/corpus/types';
import type { CorpusStats } from '../core/corpus/stats';
import type { CorpusLoadReply, ProgressCallback } from '../worker/corpusApi';
import type { AppState } from './appStore';
import { corpusClient } from './workers';

/** The collection shipped under public/corpora/, loaded at start-up. */
export const BUILTIN_CORPUS = 'genir-demo';

export interface CorpusSlice {
  corpus: Corpus | null;
  corpusStats: CorpusStats | null;
  /** where the current corpus came from, shown in the header */
  corpusSource: 'built-in' | 'files' | 'pasted' | null;
  loading: { fraction: number; label: string } | null;
  /** the last load's error; the corpus already loaded stays */
  loadError: string | null;
  loadWarnings: string[];
  loadTiming: { parseMs: number; indexMs: number } | null;
  loadBuiltinCorpus(): Promise<void>;
  loadCorpusFiles(files: InputFile[]): Promise<void>;
  loadPastedCorpus(text: string): Promise<void>;
}

export const createCorpusSlice: StateCreator<AppState, [], [], CorpusSlice> = (set, get) => {
  /** Run one load in the worker; only a successful reply replaces the corpus. */
  async function runLoad(
    source: CorpusSlice['corpusSource'],
    start: (onProgress: ProgressCallback) => Promise<CorpusLoadReply>,
  ) {
    if (get().loading) return;
    set({ loading: { fraction: 0, label: 'Starting' }, loadError: null, loadWarnings: [] });
    let reply: CorpusLoadReply;
    try {
      reply = await start(
        Comlink.proxy((fraction, label) => set({ loading: { fraction, label } })),
      );
    } catch (e) {
      reply = { ok: false, error: (e as Error).message || String(e) };
    }
    if (!reply.ok) {
      set({ loading: null, loadError: describeLoadError(reply) });
      return;
    }
    set({
      loading: null,
      corpus: reply.corpus,
      corpusStats: reply.stats,
      corpusSource: source,
      loadWarnings: reply.warnings,
      loadTiming: reply.timing,
    });
    get().onCorpusChanged();
  }

  return {
    corpus: null,
    corpusStats: null,
    corpusSource: null,
    loading: null,
    loadError: null,
    loadWarnings: [],
    loadTiming: null,
    loadBuiltinCorpus: () =>
      runLoad('built-in', (p) =>
        corpusClient().loadBuiltin(
          new URL(import.meta.env.BASE_URL, location.href).href,
          BUILTIN_CORPUS,
          p,
        ),
      ),
    loadCorpusFiles: (files) =>
      runLoad('files', (p) =>
        corpusClient().loadFiles(
          Comlink.transfer(
            files,
            files.map((f) => f.bytes.buffer as ArrayBuffer),
          ),
          p,
        ),
      ),
    loadPastedCorpus: (text) => runLoad('pasted', (p) => corpusClient().loadPasted(text, p)),
  };
};
