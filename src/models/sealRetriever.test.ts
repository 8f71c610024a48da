import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../core/decode/beamSearch';
import { countOf } from '../core/seal/ngramIndex';
import { TINY_TOPICS_CORPUS as corpus } from '../worker/tinyCorpus.fixture';
import { retrieve } from './dsiRetriever';
import { exportDsiCheckpoint, importDsiCheckpoint, toDocidsFile } from './loadCheckpoint';
import { disposeSeq2Seq } from './seq2seq';
import { TINY_TRAIN_CONFIG } from './train/presets';
import { trainDsi } from './train/trainDsi';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('SEAL retriever (TF.js cpu backend)', () => {
  it('writes only n-grams of the corpus, ranks documents holding them, and round-trips a checkpoint', async () => {
    const start = tf.memory().numTensors;
    const trained = await trainDsi(corpus, {
      ...TINY_TRAIN_CONFIG,
      data: { ...TINY_TRAIN_CONFIG.data, docidScheme: 'seal', docidParams: { ngramLength: 4 } },
      epochs: 15,
      lr: { ...TINY_TRAIN_CONFIG.lr, peak: 1e-2 },
      evalEveryEpochs: 0,
    });
    const r = trained.retriever;
    expect(r.seal?.ngramLength).toBe(4);
    expect(trained.prepared.tgtLen).toBe(5);
    const params = { ...DEFAULT_BEAM_SEARCH_PARAMS, beamSize: 6, topK: 6 };
    const before = tf.memory().numTensors;
    const out = await retrieve(r, 'volcano lava', params);
    expect(tf.memory().numTensors).toBe(before);
    expect(out.ngrams!.length).toBeGreaterThan(0);
    for (const k of out.ngrams!) {
      expect(k.tokens.length).toBeLessThanOrEqual(4);
      expect(k.count).toBe(countOf(r.seal!.index, k.tokens));
      expect(k.count).toBeGreaterThan(0);
    }
    expect(out.results.length).toBeGreaterThan(0);
    expect(out.results.length).toBeLessThanOrEqual(6);
    for (const res of out.results) {
      // the document holds every n-gram credited to it
      const doc = r.docids[res.doc!];
      for (const key of res.keys!) {
        const tokens = out.ngrams![key].tokens;
        expect(doc.some((_, s) => tokens.every((t, i) => doc[s + i] === t))).toBe(true);
      }
    }
    const scores = out.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const docIds = corpus.docs.map((d) => d.id);
    const files = await exportDsiCheckpoint(r, toDocidsFile(docIds, trained.prepared.assignment), {
      metrics: {},
      config: {},
    });
    const loaded = importDsiCheckpoint(files);
    expect(loaded.retriever.seal?.ngramLength).toBe(4);
    const again = await retrieve(loaded.retriever, 'volcano lava', params);
    expect(again.results.map((x) => x.doc)).toEqual(out.results.map((x) => x.doc));
    disposeSeq2Seq(loaded.retriever.model);
    disposeSeq2Seq(r.model);
    expect(tf.memory().numTensors).toBe(start);
  }, 60_000);
});
