import type { Corpus, InputFile, LoadError } from '../core/corpus/types';
import type { CorpusStats } from '../core/corpus/stats';
import type { RequestTag, Superseded } from './latestRequests';
import type { PackedDocs } from '../core/corpus/packedDocs';

/** Progress from the worker: a fraction in [0, 1] and what it is doing. */
export type ProgressCallback = (fraction: number, label: string) => void;

export interface LoadedCorpus {
  ok: true;
  /** the corpus without its documents: the page pulls those with `docs()` in chunks */
  corpus: Omit<Corpus, 'docs'>;
  docCount: number;
  stats: CorpusStats;
  warnings: string[];
  timing: { parseMs: number; indexMs: number };
}

export type CorpusLoadReply = LoadedCorpus | LoadError;

/** A BM25 hit: `doc` is the document's position in `corpus.docs`. */
export interface LexicalHit {
  doc: number;
  score: number;
}

export interface LexicalEvaluation {
  split: string;
  method: string;
  mean: Record<string, number>;
  evaluatedQueries: number;
  missingFromRun: number;
  /** per query: id, text, metric values, in query order */
  perQuery: { queryId: string; text: string; metrics: Record<string, number> }[];
  timing: { totalMs: number; queries: number };
}

export interface Bm25Run {
  queries: { id: string; text: string }[];
  run: Record<string, { docId: string; score: number }[]>;
  latencyMs: number[];
  indexBytes: number;
}

/**
 * The corpus worker: parses and validates collections off the main thread, owns the BM25 index,
 * and answers lexical searches and evaluations. A failed load leaves the previous corpus in place.
 */
export interface CorpusWorkerApi {
  /**
   * Load files; with `keep`, a corpus that loads is to be kept for the next visit: keepLoaded
   * writes it, once the page has what it needs to show the corpus.
   */
  loadFiles(
    files: InputFile[],
    onProgress: ProgressCallback,
    keep?: boolean,
  ): Promise<CorpusLoadReply>;
  loadPasted(text: string, onProgress: ProgressCallback, keep?: boolean): Promise<CorpusLoadReply>;
  /**
   * Keep the input of the corpus loaded last, if its load asked for that, for the next visit
   * (IndexedDB, written from the worker so that copying tens of megabytes never blocks the page).
   * Resolves, once written, with warnings for the page (why it was not kept).
   */
  keepLoaded(): Promise<string[]>;
  /**
   * Start downloading a collection shipped under `public/corpora/<name>/` that a later
   * loadBuiltin(baseUrl, name) will probably ask for (at start-up, while the page is still
   * checking whether this browser kept a corpus of its own): that call then takes its files.
   */
  prefetchBuiltin(baseUrl: string, name: string): void;
  /** Fetch and load a collection shipped under `public/corpora/<name>/`. */
  loadBuiltin(
    baseUrl: string,
    name: string,
    onProgress: ProgressCallback,
  ): Promise<CorpusLoadReply>;
  /** Documents `from`…`to` (exclusive) of the current corpus, packed (core/corpus/packedDocs.ts). */
  docs(from: number, to: number): Promise<PackedDocs>;
  /** BM25's top `k`; with a `request` tag, dropped (Superseded) when a newer search arrived first. */
  search(query: string, k: number, request?: RequestTag): Promise<LexicalHit[] | Superseded>;
  evaluate(split: string): Promise<LexicalEvaluation>;
  /**
   * BM25's top `k` for every judged query of `split`, one query at a time (latency per query),
   * the queries themselves (for the other methods) and the index's size in bytes.
   */
  bm25Run(split: string, k: number): Promise<Bm25Run>;
}
