import * as Comlink from 'comlink';
import type { StateCreator } from 'zustand';
import type { Corpus, Doc, InputFile } from '../core/corpus/types';
import { describeLoadError } from '../core/corpus/types';
import { unpackDocs, type PackedDocs } from '../core/corpus/packedDocs';
import type { CorpusStats } from '../core/corpus/stats';
import type { CorpusLoadReply, LoadedCorpus, ProgressCallback } from '../worker/corpusApi';
import type { AppState } from './appStore';
import { pageSavedModelsDb, type KeptCorpus } from './savedModelsDb';
import { throttleLoadProgress } from './loadProgress';
import { appBaseUrl, BUILTIN_CORPUS } from './shipped';
import { corpusClient } from './workers';

/** True while the built-in corpus itself is open (not files that happen to share its name). */
export function builtinCorpusOpen(s: {
  corpus: { name: string } | null;
  corpusSource: string | null;
}): boolean {
  return s.corpus?.name === BUILTIN_CORPUS && s.corpusSource === 'built-in';
}

/** Documents per message when the page receives a loaded corpus from the worker. */
const DOC_CHUNK = 1000;

export interface CorpusSlice {
  corpus: Corpus | null;
  corpusStats: CorpusStats | null;
  /** where the current corpus came from, shown in the header */
  corpusSource: 'built-in' | 'files' | 'pasted' | null;
  loading: { fraction: number; label: string } | null;
  /** the last load's error; the corpus already loaded stays */
  loadError: string | null;
  loadWarnings: string[];
  loadTiming: LoadedCorpus['timing'] | null;
  /**
   * Whether the corpus open now comes back after a reload: 'keeping' while its input is written
   * to IndexedDB (after the page shows it), 'kept', 'not-kept' (the warnings say why); null for
   * the built-in corpus.
   */
  corpusKept: 'keeping' | 'kept' | 'not-kept' | null;
  loadBuiltinCorpus(): Promise<void>;
  /**
   * Page start: the corpus loaded last time (kept in IndexedDB), else the built-in one; with
   * `builtin` (a link asked for it) the built-in one, and the kept one stays kept.
   */
  startCorpus(builtin?: boolean): Promise<void>;
  loadCorpusFiles(files: InputFile[]): Promise<void>;
  loadPastedCorpus(text: string): Promise<void>;
}

/** A load in the corpus worker; `keep`: the worker holds the input for keepLoaded. */
type StartLoad = (onProgress: ProgressCallback, keep: boolean) => Promise<CorpusLoadReply>;

const builtinLoad: StartLoad = (p) => corpusClient().loadBuiltin(appBaseUrl(), BUILTIN_CORPUS, p);
const filesLoad =
  (files: InputFile[]): StartLoad =>
  (p, keep) =>
    corpusClient().loadFiles(
      Comlink.transfer(
        files,
        files.map((f) => f.bytes.buffer as ArrayBuffer),
      ),
      p,
      keep,
    );
const pastedLoad =
  (text: string): StartLoad =>
  (p, keep) =>
    corpusClient().loadPasted(text, p, keep);

export const createCorpusSlice: StateCreator<AppState, [], [], CorpusSlice> = (set, get) => {
  /** Run one load in the worker; only a successful reply replaces the corpus. */
  async function runLoad(
    source: CorpusSlice['corpusSource'],
    start: StartLoad,
    /**
     * after a successful load: forget a kept corpus (the built-in one is loaded), keep this one
     * (files or text a person loaded), or neither (a corpus kept before, loaded again)
     */
    after: 'forget-kept' | 'keep' | 'as-is' = 'as-is',
  ): Promise<boolean> {
    if (get().loading) return false;
    set({ loading: { fraction: 0, label: 'Starting' }, loadError: null, loadWarnings: [] });
    // the backend probe waits: it would compete with this load for the same cores, and time a
    // busy machine
    get().holdProbe();
    try {
      return await load(source, start, after);
    } finally {
      get().releaseProbe();
    }
  }

  async function load(
    source: CorpusSlice['corpusSource'],
    start: StartLoad,
    after: 'forget-kept' | 'keep' | 'as-is',
  ): Promise<boolean> {
    // progress arrives on its own message channel and may trail the reply: ignored once stopped
    const progress = throttleLoadProgress((fraction, label) =>
      set({ loading: { fraction, label } }),
    );
    const onProgress: ProgressCallback = (fraction, label) => progress.report(fraction, label);
    let reply: CorpusLoadReply;
    try {
      reply = await start(Comlink.proxy(onProgress), after === 'keep');
    } catch (e) {
      reply = { ok: false, error: (e as Error).message || String(e) };
    }
    if (!reply.ok) {
      progress.stop();
      set({ loading: null, loadError: describeLoadError(reply) });
      return false;
    }
    // documents come over in chunks so that no single message blocks the main thread for long;
    // all asked for at once, so the worker copies the next chunks while the page reads one
    progress.report(0, 'Receiving documents');
    const chunks: Promise<PackedDocs>[] = [];
    for (let from = 0; from < reply.docCount; from += DOC_CHUNK) {
      chunks.push(corpusClient().docs(from, from + DOC_CHUNK));
    }
    const docs: Doc[] = [];
    for (const chunk of chunks) {
      for (const doc of unpackDocs(await chunk)) docs.push(doc);
      progress.report(docs.length / reply.docCount, 'Receiving documents');
    }
    progress.stop();
    const corpus = { ...reply.corpus, docs };
    set({
      loading: null,
      corpus,
      corpusStats: reply.stats,
      corpusSource: source,
      loadWarnings: reply.warnings,
      loadTiming: reply.timing,
      corpusKept: after === 'keep' ? 'keeping' : source === 'built-in' ? null : 'kept',
    });
    get().onCorpusChanged();
    if (after === 'forget-kept') void forgetKept();
    if (after === 'keep') void keep(corpus);
    return true;
  }

  /**
   * Keep the corpus just shown for the next visit: written after it is on screen, so that the
   * load ends sooner (writing 50 MB took 0.4 s).
   */
  async function keep(corpus: Corpus) {
    let warnings: string[];
    try {
      warnings = await corpusClient().keepLoaded();
    } catch (e) {
      warnings = [`Not kept for the next visit: ${(e as Error).message}`];
    }
    // another corpus loaded meanwhile has its own state
    if (get().corpus !== corpus) return;
    set({
      corpusKept: warnings.length ? 'not-kept' : 'kept',
      loadWarnings: [...get().loadWarnings, ...warnings],
    });
  }

  /** Forget a corpus kept from an earlier visit (the built-in corpus opens next time). */
  async function forgetKept() {
    try {
      await pageSavedModelsDb()?.setLastCorpus(null);
    } catch {
      // nothing was kept, or storage is unavailable: the built-in corpus opens either way
    }
  }

  return {
    corpus: null,
    corpusStats: null,
    corpusSource: null,
    loading: null,
    loadError: null,
    loadWarnings: [],
    loadTiming: null,
    corpusKept: null,
    loadBuiltinCorpus: async () => {
      await runLoad('built-in', builtinLoad, 'forget-kept');
    },
    async startCorpus(builtin = false) {
      if (builtin) {
        await runLoad('built-in', builtinLoad);
        return;
      }
      let kept: KeptCorpus | undefined;
      try {
        kept = await pageSavedModelsDb()?.lastCorpus();
      } catch {
        kept = undefined;
      }
      if (kept?.source === 'files' && (await runLoad('files', filesLoad(kept.files)))) return;
      if (kept?.source === 'pasted' && (await runLoad('pasted', pastedLoad(kept.text)))) return;
      // nothing kept, or it no longer loads: the built-in corpus (and forget the broken one)
      await runLoad('built-in', builtinLoad, kept ? 'forget-kept' : 'as-is');
    },
    // the worker keeps what loads for the next visit (no copy of the input on this thread)
    loadCorpusFiles: async (files) => {
      await runLoad('files', filesLoad(files), 'keep');
    },
    loadPastedCorpus: async (text) => {
      await runLoad('pasted', pastedLoad(text), 'keep');
    },
  };
};
