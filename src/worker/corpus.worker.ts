import * as Comlink from 'comlink';
import { loadCorpusFiles, loadPastedText } from '../core/corpus/loadCorpusFiles';
import { packDocs } from '../core/corpus/packedDocs';
import { corpusStats } from '../core/corpus/stats';
import {
  fail,
  type Corpus,
  type InputFile,
  type LoadError,
  type LoadResult,
} from '../core/corpus/types';
import { evaluateRun, STANDARD_METRICS } from '../core/eval/metrics';
import { timedRun } from '../core/eval/methodComparison';
import type { Run } from '../core/eval/types';
import { bm25IndexBytes, buildBM25Index, searchBM25, type BM25Index } from '../core/lexical/bm25';
import { docText } from '../core/corpus/docText';
import { withDevSplit } from '../core/eval/devSplit';
import { keepCorpus } from './keepCorpus';
import type { KeptCorpus } from '../store/savedModelsDb';
import type {
  CorpusLoadReply,
  CorpusWorkerApi,
  LexicalEvaluation,
  ProgressCallback,
} from './corpusApi';
import { LatestRequests } from './latestRequests';

let current: { corpus: Corpus; index: BM25Index } | null = null;
/** the input of the corpus loaded last, until keepLoaded writes it (null: nothing to keep) */
let toKeep: KeptCorpus | null = null;
const requests = new LatestRequests();

/** A parsed and indexed corpus, and the reply that makes it the page's. */
interface Prepared {
  corpus: Corpus;
  index: BM25Index;
  reply: CorpusLoadReply & { ok: true };
}

/** Index a parsed corpus (without making it current). */
function prepare(
  result: LoadResult,
  parseStart: number,
  onProgress: ProgressCallback,
): Prepared | LoadError {
  if (!result.ok) return result;
  // tune on dev, report test: a seeded dev split carved from train, as the benchmarks do
  const corpus = withDevSplit(result.value);
  const parseMs = performance.now() - parseStart;
  const indexStart = performance.now();
  const index = buildBM25Index(
    corpus.docs.map((d) => ({ text: docText(d) })),
    undefined,
    undefined,
    (done, total) =>
      onProgress(
        done / total,
        `Indexing ${done.toLocaleString()} / ${total.toLocaleString()} documents (BM25)`,
      ),
  );
  const indexMs = performance.now() - indexStart;
  const { docs, ...rest } = corpus;
  return {
    corpus,
    index,
    reply: {
      ok: true,
      corpus: rest,
      docCount: docs.length,
      stats: corpusStats(corpus, index.wordCounts),
      warnings: result.warnings,
      timing: { parseMs, indexMs },
    },
  };
}

/** Make a prepared corpus current; on failure `current` is untouched. */
function adopt(prepared: Prepared | LoadError): CorpusLoadReply {
  if (!('reply' in prepared)) return prepared;
  current = { corpus: prepared.corpus, index: prepared.index };
  return prepared.reply;
}

const BUILTIN_FILES = ['corpus.jsonl', 'queries.jsonl', 'qrels/train.tsv', 'qrels/test.tsv'];

/** Download a shipped collection's files from `root` (…/corpora/<name>/). */
async function fetchBuiltin(
  root: string,
  name: string,
): Promise<{ ok: true; files: InputFile[] } | LoadError> {
  const responses = await Promise.all(BUILTIN_FILES.map((path) => fetch(root + path)));
  const files: InputFile[] = [];
  for (const [i, response] of responses.entries()) {
    if (!response.ok) {
      return fail(
        `could not fetch the built-in corpus (${response.status})`,
        `${name}/${BUILTIN_FILES[i]}`,
      );
    }
    files.push({
      name: `${name}/${BUILTIN_FILES[i]}`,
      bytes: new Uint8Array(await response.arrayBuffer()),
    });
  }
  return { ok: true, files };
}

/** Download a shipped collection and index it. */
async function prepareBuiltin(
  root: string,
  name: string,
  onProgress: ProgressCallback,
): Promise<Prepared | LoadError> {
  const start = performance.now();
  const fetched = await fetchBuiltin(root, name);
  if (!fetched.ok) return fetched;
  return prepare(loadCorpusFiles(fetched.files, onProgress), start, onProgress);
}

/**
 * Built-in corpora downloaded and indexed before their loadBuiltin (prefetchBuiltin), by URL:
 * the worker does it while the page's app script is still arriving.
 */
const prefetched = new Map<string, ReturnType<typeof prepareBuiltin>>();

const api: CorpusWorkerApi = {
  async loadFiles(files, onProgress, keep = false) {
    const start = performance.now();
    const reply = adopt(prepare(loadCorpusFiles(files, onProgress), start, onProgress));
    if (reply.ok) toKeep = keep ? { source: 'files', files } : null;
    return reply;
  },

  async loadPasted(text, onProgress, keep = false) {
    const start = performance.now();
    const reply = adopt(prepare(loadPastedText(text), start, onProgress));
    if (reply.ok) toKeep = keep ? { source: 'pasted', text } : null;
    return reply;
  },

  async keepLoaded() {
    const kept = toKeep;
    toKeep = null;
    return kept ? keepCorpus(kept) : [];
  },

  prefetchBuiltin(baseUrl, name) {
    const key = `${baseUrl}corpora/${name}/`;
    if (prefetched.has(key)) return;
    // no progress to show: nobody has asked for it yet
    const prepared = prepareBuiltin(key, name, () => undefined);
    // a failed download is reported by the loadBuiltin that uses it, or by none
    prepared.catch(() => undefined);
    prefetched.set(key, prepared);
  },

  async loadBuiltin(baseUrl, name, onProgress) {
    const key = `${baseUrl}corpora/${name}/`;
    onProgress(0, 'Downloading the built-in corpus');
    const prepared = await (prefetched.get(key) ?? prepareBuiltin(key, name, onProgress));
    prefetched.delete(key);
    return adopt(prepared);
  },

  async docs(from, to) {
    const packed = packDocs(current ? current.corpus.docs.slice(from, to) : []);
    return Comlink.transfer(packed, [packed.ends.buffer]);
  },

  async search(query, k, request) {
    const dropped = await requests.admit(request);
    return dropped ?? (current ? searchBM25(current.index, query, k) : []);
  },

  async bm25Run(split, k) {
    if (!current) throw new Error('no corpus is loaded');
    const { corpus, index } = current;
    const qrels = corpus.qrels[split];
    if (!qrels) throw new Error(`the corpus has no "${split}" qrels`);
    const queries = corpus.queries.filter((q) => qrels.has(q.id));
    const { run, latencyMs } = await timedRun(queries, (text) =>
      searchBM25(index, text, k).map((h) => ({ docId: corpus.docs[h.doc].id, score: h.score })),
    );
    return {
      queries: queries.map((q) => ({ id: q.id, text: q.text })),
      run,
      latencyMs,
      indexBytes: bm25IndexBytes(index),
    };
  },

  async evaluate(split) {
    if (!current) throw new Error('no corpus is loaded');
    const { corpus, index } = current;
    const qrels = corpus.qrels[split];
    if (!qrels) throw new Error(`the corpus has no "${split}" qrels`);
    const start = performance.now();
    const run: Run = new Map();
    const queries = corpus.queries.filter((q) => qrels.has(q.id));
    for (const q of queries) {
      run.set(
        q.id,
        searchBM25(index, q.text, 100).map((h) => ({
          docId: corpus.docs[h.doc].id,
          score: h.score,
        })),
      );
    }
    const totalMs = performance.now() - start;
    const result = evaluateRun(qrels, run, STANDARD_METRICS);
    const perQuery: LexicalEvaluation['perQuery'] = queries
      .filter((q) => result.perQuery.has(q.id))
      .map((q) => ({ queryId: q.id, text: q.text, metrics: result.perQuery.get(q.id)! }));
    return {
      split,
      method: 'BM25',
      mean: result.mean,
      evaluatedQueries: result.evaluatedQueries,
      missingFromRun: result.missingFromRun,
      perQuery,
      timing: { totalMs, queries: queries.length },
    };
  },
};

Comlink.expose(api);
