import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../core/corpus/types';
import { exportDenseCheckpoint, importDenseCheckpoint } from './denseCheckpoint';
import { indexEmbeddings } from './denseIndex';
import { disposeDenseRetriever, embedQuery, retrieveDense } from './denseRetriever';
import { TINY_DENSE_CONFIG, TrainControl, trainDense } from './trainDense';

const TOPICS = [
  'volcano lava magma eruption crater',
  'whale ocean dolphin fin swim',
  'violin string bow orchestra music',
];
const docs = Array.from({ length: 12 }, (_, i) => ({
  id: `d${i}`,
  title: `Doc ${i}`,
  text: `${TOPICS[i % 3]} number ${i} ${TOPICS[(i + 1) % 3].split(' ')[0]}`,
}));
const queries = [
  { id: 'q1', text: 'volcano lava', doc: 'd0' },
  { id: 'q2', text: 'whale swim', doc: 'd1' },
  { id: 'q3', text: 'violin music', doc: 'd2' },
  { id: 'q4', text: 'magma crater', doc: 'd3' },
  { id: 'q5', text: 'dolphin ocean', doc: 'd4' },
  { id: 'q6', text: 'orchestra bow', doc: 'd5' },
];
const corpus: Corpus = {
  name: 'tiny',
  docs,
  queries: queries.map(({ id, text }) => ({ id, text })),
  qrels: {
    train: new Map(queries.slice(0, 4).map((q) => [q.id, new Map([[q.doc, 1]])])),
    test: new Map(queries.slice(4).map((q) => [q.id, new Map([[q.doc, 1]])])),
  },
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('dense training (TF.js cpu backend)', () => {
  it('trains (loss falls), searches, round-trips a checkpoint, and leaks no tensors', async () => {
    const start = tf.memory().numTensors;
    const losses: number[] = [];
    const evals: number[] = [];
    const trained = await trainDense(
      corpus,
      {
        ...TINY_DENSE_CONFIG,
        epochs: 12,
        evalEveryEpochs: 4,
        hardNegatives: true,
        evalSplit: 'test',
      },
      { onProgress: (p) => losses.push(p.loss), onEval: (e) => evals.push(e.epoch) },
    );
    expect(trained.data.counts.queries).toBe(4);
    expect(trained.data.counts.hardNegatives).toBeGreaterThan(0);
    expect(evals).toEqual([4, 8, 12]);
    const r = trained.retriever;
    // the weights and the document matrix, nothing else
    expect(tf.memory().numTensors).toBe(start + r.model.params.size + 1);
    const head = losses.slice(0, 4).reduce((a, b) => a + b) / 4;
    const tail = losses.slice(-4).reduce((a, b) => a + b) / 4;
    expect(tail).toBeLessThan(head);

    const before = tf.memory().numTensors;
    for (const q of ['volcano lava', 'whale', '', 'zzz unknown words']) {
      const hits = await retrieveDense(r, q, 5);
      expect(hits).toHaveLength(5);
      expect(new Set(hits.map((h) => h.doc)).size).toBe(5);
      for (const h of hits) expect(h.doc >= 0 && h.doc < docs.length).toBe(true);
      for (let i = 1; i < hits.length; i++)
        expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
      expect(await retrieveDense(r, q, 3, 8)).toHaveLength(3);
    }
    expect(tf.memory().numTensors).toBe(before);

    const files = await exportDenseCheckpoint(
      r,
      docs.map((d) => d.id),
    );
    const bytes = (u: Uint8Array) => u.slice().buffer as ArrayBuffer;
    const copy = importDenseCheckpoint({
      manifest: JSON.parse(JSON.stringify(files.manifest)),
      weights: bytes(files.weights),
      tokenizer: JSON.parse(JSON.stringify(files.tokenizer)),
      embeddings: bytes(files.embeddings),
    });
    expect([...(await indexEmbeddings(copy.index))]).toEqual([...(await indexEmbeddings(r.index))]);
    expect([...(await embedQuery(copy, 'volcano lava'))]).toEqual([
      ...(await embedQuery(r, 'volcano lava')),
    ]);
    expect(await retrieveDense(copy, 'whale swim', 5)).toEqual(
      await retrieveDense(r, 'whale swim', 5),
    );
    expect(() =>
      importDenseCheckpoint({
        ...files,
        weights: bytes(files.weights),
        embeddings: new ArrayBuffer(8),
        manifest: files.manifest,
      }),
    ).toThrow(/embeddings.bin/);
    disposeDenseRetriever(copy);
    disposeDenseRetriever(r);
    expect(tf.memory().numTensors).toBe(start);
  }, 60_000);

  it('stops when cancelled and still returns a usable retriever', async () => {
    const start = tf.memory().numTensors;
    const control = new TrainControl();
    let steps = 0;
    const trained = await trainDense(
      corpus,
      { ...TINY_DENSE_CONFIG, epochs: 50, evalSplit: 'test' },
      {
        onProgress: () => {
          if (++steps === 3) control.cancel();
        },
      },
      control,
    );
    expect(trained.cancelled).toBe(true);
    expect(trained.history.losses).toHaveLength(3);
    // two steps an epoch: epoch 1 was evaluated; no evaluation after the cancel
    expect(trained.history.evals.map((e) => e.epoch)).toEqual([1]);
    expect(await retrieveDense(trained.retriever, 'violin', 2)).toHaveLength(2);
    disposeDenseRetriever(trained.retriever);
    expect(tf.memory().numTensors).toBe(start);
  }, 60_000);
});
