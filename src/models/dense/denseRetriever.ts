import * as tf from '@tensorflow/tfjs-core';
import type { Corpus } from '../../core/corpus/types';
import { encodeSource } from '../../core/dsi/examples';
import { evaluateRun } from '../../core/eval/metrics';
import type { Run } from '../../core/eval/types';
import type { Scored } from '../../core/lexical/topK';
import { createRandom, shuffled } from '../../core/random';
import type { SubwordTokenizer } from '../../core/text/tokenizer';
import { embedTokenRows, searchDenseBatch, disposeDenseIndex, type DenseIndex } from './denseIndex';
import { disposeDualEncoder, type DualEncoderModel } from './dualEncoder';

/** A trained dual encoder with its tokenizer and the embeddings of the corpus' documents. */
export interface DenseRetriever {
  model: DualEncoderModel;
  tokenizer: SubwordTokenizer;
  /** row i = document number i of the corpus */
  index: DenseIndex;
}

export function createDenseRetriever(
  model: DualEncoderModel,
  tokenizer: SubwordTokenizer,
  index: DenseIndex,
): DenseRetriever {
  return { model, tokenizer, index };
}

/** Query-tower embeddings [texts, d] of `texts` (L2-normalised); the caller disposes them. */
export function embedQueries(r: DenseRetriever, texts: readonly string[]): tf.Tensor2D {
  const rows = texts.map((t) => encodeSource(r.tokenizer, t, r.model.config.maxLen));
  return embedTokenRows(r.model, rows, 'query');
}

/** One query's embedding (unit length; all zeros for a text with no known subword). */
export async function embedQuery(r: DenseRetriever, text: string): Promise<Float32Array> {
  const e = embedQueries(r, [text]);
  try {
    return (await e.data()) as Float32Array;
  } finally {
    e.dispose();
  }
}

/**
 * The `k` nearest documents (exact search: cosine with every document) for each text, best first;
 * `dims` searches with a Matryoshka prefix of the embeddings.
 */
export async function retrieveDenseBatch(
  r: DenseRetriever,
  texts: readonly string[],
  k: number,
  dims?: number,
): Promise<Scored[][]> {
  const q = embedQueries(r, texts);
  try {
    return await searchDenseBatch(r.index, q, k, dims);
  } finally {
    q.dispose();
  }
}

/** The `k` nearest documents to `text` by cosine: document numbers with their scores. */
export async function retrieveDense(
  r: DenseRetriever,
  text: string,
  k: number,
  dims?: number,
): Promise<Scored[]> {
  return (await retrieveDenseBatch(r, [text], k, dims))[0];
}

/** Queries embedded and searched per batch during evaluation. */
const EVAL_BATCH = 64;

/**
 * Hits@1, Hits@10 and MRR@10 on up to `limit` judged queries of `split` (the same seeded sample the
 * generative model's evaluation draws), with exact search.
 */
export async function evaluateDense(
  r: DenseRetriever,
  corpus: Corpus,
  split: string,
  limit: number,
  seed: number,
  dims?: number,
): Promise<{ queries: number; metrics: Record<string, number> }> {
  const qrels = corpus.qrels[split];
  if (!qrels) return { queries: 0, metrics: {} };
  const judged = corpus.queries.filter((q) => qrels.has(q.id));
  const sample = shuffled(judged, createRandom(seed)).slice(0, limit);
  const run: Run = new Map();
  for (let i = 0; i < sample.length; i += EVAL_BATCH) {
    const chunk = sample.slice(i, i + EVAL_BATCH);
    const hits = await retrieveDenseBatch(
      r,
      chunk.map((q) => q.text),
      10,
      dims,
    );
    chunk.forEach((q, j) =>
      run.set(
        q.id,
        hits[j].map((h) => ({ docId: corpus.docs[h.doc].id, score: h.score })),
      ),
    );
  }
  const subset = new Map(sample.map((q) => [q.id, qrels.get(q.id)!]));
  return {
    queries: sample.length,
    metrics: evaluateRun(subset, run, ['Hits@1', 'Hits@10', 'MRR@10']).mean,
  };
}

/** Dispose the model's weights and the document embeddings. */
export function disposeDenseRetriever(r: DenseRetriever): void {
  disposeDualEncoder(r.model);
  disposeDenseIndex(r.index);
}
