import * as Comlink from 'comlink';
import { loadCorpusFiles, loadPastedText } from '../core/corpus/loadCorpusFiles';
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
import type {
  CorpusLoadReply,
  CorpusWorkerApi,
  LexicalEvaluation,
  ProgressCallback,
} from './corpusApi';
import { LatestRequests } from './latestRequests';

let current: { corpus: Corpus; index: BM25Index } | null = null;
const requests = new LatestRequests();

/** Index a parsed corpus and make it current; on failure `current` is untouched. */
function adopt(
  result: LoadResult,
  parseStart: number,
  onProgress: ProgressCallback,
): CorpusLoadReply {
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
  current = { corpus, index };
  const { docs, ...rest } = corpus;
  return {
    ok: true,
    corpus: rest,
    docCount: docs.length,
    stats: corpusStats(corpus, index.wordCounts),
    warnings: result.warnings,
    timing: { parseMs, indexMs },
  };
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

/** built-in corpus downloads started before their loadBuiltin (prefetchBuiltin), by URL */
const prefetched = new Map<string, ReturnType<typeof fetchBuiltin>>();

const api: CorpusWorkerApi = {
  async loadFiles(files, onProgress, keep = false) {
    const start = performance.now();
    const reply = adopt(loadCorpusFiles(files, onProgress), start, onProgress);
    if (reply.ok && keep) reply.warnings.push(...(await keepCorpus({ source: 'files', files })));
    return reply;
  },

  async loadPasted(text, onProgress, keep = false) {
    const start = performance.now();
    const reply = adopt(loadPastedText(text), start, onProgress);
    if (reply.ok && keep) reply.warnings.push(...(await keepCorpus({ source: 'pasted', text })));
    return reply;
  },

  prefetchBuiltin(baseUrl, name) {
    const key = `${baseUrl}corpora/${name}/`;
    if (prefetched.has(key)) return;
    const files = fetchBuiltin(key, name);
    // a failed download is reported by the loadBuiltin that uses it, or by none
    files.catch(() => undefined);
    prefetched.set(key, files);
  },

  async loadBuiltin(baseUrl, name, onProgress) {
    const start = performance.now();
    const key = `${baseUrl}corpora/${name}/`;
    onProgress(0, 'Downloading the built-in corpus');
    const fetched = await (prefetched.get(key) ?? fetchBuiltin(key, name));
    prefetched.delete(key);
    if (!fetched.ok) return fetched;
    return adopt(loadCorpusFiles(fetched.files, onProgress), start, onProgress);
  },

  async docs(from, to) {
    return current ? current.corpus.docs.slice(from, to) : [];
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
