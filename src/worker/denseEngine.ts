import type { Teacher } from '../core/dsi/distill';
import { recallAtK, type DenseSearchPlanParams } from '../core/dense/annRecall';
import { exactTopK } from '../core/dense/exactTopK';
import { timedRun } from '../core/eval/methodComparison';
import { buildHnsw, type HnswIndex } from '../core/dense/hnsw';
import { createRandom, shuffled } from '../core/random';
import { pca, projectPca, type Pca } from '../core/vectors/pca';
import type { DenseRetriever } from '../models/dense/denseRetriever';
import { disposeDenseRetriever, embedQuery } from '../models/dense/denseRetriever';
import { indexEmbeddings, searchDenseIndex } from '../models/dense/denseIndex';
import { parameterCount } from '../models/dense/dualEncoder';
import type { DenseAnswer, DenseInfo, EmbeddingMap, MethodRun } from './engineApi';

/** The dense model in use, with what is derived from its document embeddings. */
export interface DenseState {
  retriever: DenseRetriever;
  /** document ids in the retriever's row order */
  docIds: string[];
  info: DenseInfo;
  /** row-major [docs × dim] copy of the embeddings (for the map, HNSW and docids) */
  embeddings: Float32Array;
  map: Pca | null;
  ann: HnswIndex | null;
}

/**
 * Wrap a loaded or trained retriever: copy its embeddings out, and above the size threshold build
 * an HNSW index and measure its recall@10 against exact search on sampled queries.
 */
export async function adoptDense(
  retriever: DenseRetriever,
  docIds: string[],
  base: Omit<DenseInfo, 'parameters' | 'dim' | 'sizes' | 'search' | 'docCount'>,
  sampleQueries: readonly string[],
  plan: DenseSearchPlanParams,
): Promise<DenseState> {
  const embeddings = await indexEmbeddings(retriever.index);
  const { count, dim } = retriever.index;
  const parameters = parameterCount(retriever.model);
  const state: DenseState = {
    retriever,
    docIds,
    embeddings,
    map: null,
    ann: null,
    info: {
      ...base,
      docCount: count,
      parameters,
      dim,
      sizes: { parameterBytes: parameters * 4, embeddingBytes: embeddings.byteLength, annBytes: 0 },
      search: { kind: 'exact' },
    },
  };
  if (count > plan.annThreshold) {
    const ann = buildHnsw(embeddings, dim);
    // recall against exact search, on sampled queries (or sampled documents when there are none)
    const random = createRandom(1);
    const vectors: Float32Array[] = [];
    if (sampleQueries.length > 0) {
      const sample = shuffled([...sampleQueries], random).slice(0, plan.recallQueries);
      for (const text of sample) vectors.push(await embedQuery(retriever, text));
    } else {
      const rows = shuffled([...Array(count).keys()], random).slice(0, plan.recallQueries);
      for (const r of rows) vectors.push(embeddings.subarray(r * dim, (r + 1) * dim));
    }
    const exact = vectors.map((v) => exactTopK(embeddings, dim, v, 10).map((h) => h.index));
    const approx = vectors.map((v) => ann.search(v, 10).map((h) => h.index));
    state.ann = ann;
    state.info.sizes.annBytes = ann.linkBytes;
    state.info.search = {
      kind: 'hnsw',
      recallAt10: recallAtK(exact, approx, 10),
      sampledQueries: vectors.length,
    };
  }
  return state;
}

export function disposeDense(state: DenseState | null): void {
  if (state) disposeDenseRetriever(state.retriever);
}

async function searchOne(
  state: DenseState,
  query: string,
  k: number,
  dims: number | undefined,
): Promise<{ vector: Float32Array; hits: { doc: number; score: number }[] }> {
  const vector = await embedQuery(state.retriever, query);
  // HNSW answers full-length queries; a Matryoshka prefix is searched exactly
  if (state.ann && (dims === undefined || dims === state.info.dim)) {
    return {
      vector,
      hits: state.ann.search(vector, k).map((h) => ({ doc: h.index, score: h.score })),
    };
  }
  return { vector, hits: await searchDenseIndex(state.retriever.index, vector, k, dims) };
}

export async function denseSearch(
  state: DenseState,
  query: string,
  k: number,
  dims?: number,
): Promise<DenseAnswer> {
  const start = performance.now();
  const { vector, hits } = await searchOne(state, query, k, dims);
  const ms = performance.now() - start;
  const map = state.map;
  return {
    query,
    dims: dims ?? state.info.dim,
    hits: hits.map((h) => ({ docId: state.docIds[h.doc], score: h.score })),
    point: map ? (Array.from(projectPca(map, vector)) as [number, number]) : null,
    ms,
  };
}

/** The documents on the first two principal axes of their embeddings (fitted once, then kept). */
export function embeddingMap(state: DenseState): EmbeddingMap {
  const { count, dim } = state.retriever.index;
  state.map ??= pca(state.embeddings, count, dim, 2);
  return {
    docIds: state.docIds,
    points: state.map.points,
    explained: state.map.explained,
  };
}

/** One query at a time (so latency is per query), `k` results each. */
export function denseRun(
  state: DenseState,
  queries: readonly { id: string; text: string }[],
  k: number,
  dims?: number,
): Promise<MethodRun> {
  return timedRun(queries, async (text) =>
    (await searchOne(state, text, k, dims)).hits.map((h) => ({
      docId: state.docIds[h.doc],
      score: h.score,
    })),
  );
}

/**
 * The documents' embeddings in the order of `docIds` (a corpus's documents), for semantic docids
 * clustered on dense vectors; throws when the dense model was made for other documents.
 */
export function embeddingsInOrder(
  state: DenseState | null,
  docIds: readonly string[],
): Float32Array[] {
  if (!state)
    throw new Error('docids from dense embeddings need a dense retriever: train one first');
  const row = new Map(state.docIds.map((id, i) => [id, i]));
  const dim = state.info.dim;
  return docIds.map((id) => {
    const r = row.get(id);
    if (r === undefined) throw new Error(`the dense retriever has no embedding for document ${id}`);
    return state.embeddings.slice(r * dim, (r + 1) * dim);
  });
}

/**
 * The dense retriever as a distillation teacher for a corpus whose documents are `docIds` (corpus
 * order): its exact top k for each text, as corpus document numbers.
 */
export function teacherOf(state: DenseState, docIds: readonly string[]): Teacher {
  const corpusRow = new Map(docIds.map((id, i) => [id, i]));
  const toCorpus = state.docIds.map((id) => corpusRow.get(id) ?? -1);
  if (toCorpus.some((row) => row < 0))
    throw new Error('the dense retriever was made for other documents than this corpus');
  const { count, dim } = state.retriever.index;
  return async (texts, k) => {
    const out = [];
    for (const text of texts) {
      const vector = await embedQuery(state.retriever, text);
      const hits = exactTopK(state.embeddings, dim, vector, Math.min(k, count));
      out.push(hits.map((h) => ({ doc: toCorpus[h.index], score: h.score })));
    }
    return out;
  };
}
