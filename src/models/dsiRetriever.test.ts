import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../core/decode/beamSearch';
import { lookup } from '../core/decode/trie';
import type { Corpus } from '../core/corpus/types';
import { createRetriever, retrieve } from './dsiRetriever';
import { exportWeights, importWeights, type CheckpointManifest } from './checkpoint';
import { createSeq2Seq, disposeSeq2Seq } from './seq2seq';
import { TINY_TRAIN_CONFIG } from './train/presets';
import { trainDsi } from './train/trainDsi';
import { trainTokenizer } from '../core/text/tokenizer';

const TOPICS = [
  'volcano lava magma eruption crater',
  'whale ocean dolphin fin swim',
  'violin string bow orchestra music',
];
const corpus: Corpus = {
  name: 'tiny',
  docs: Array.from({ length: 12 }, (_, i) => ({
    id: `d${i}`,
    title: `Doc ${i}`,
    text: `${TOPICS[i % 3]} number ${i} ${TOPICS[(i + 1) % 3].split(' ')[0]}`,
  })),
  queries: [
    { id: 'q1', text: 'volcano lava' },
    { id: 'q2', text: 'whale swim' },
  ],
  qrels: {
    train: new Map([['q1', new Map([['d0', 1]])]]),
    test: new Map([['q2', new Map([['d1', 1]])]]),
  },
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('DSI retriever (TF.js cpu backend)', () => {
  it('decodes only valid docids and leaks no tensors over 200 queries', async () => {
    const tokenizer = trainTokenizer(
      corpus.docs.map((d) => d.text),
      { vocabSize: 80, minFrequency: 1 },
    );
    const docids = corpus.docs.map((_, i) => [Math.floor(i / 10), i % 10]);
    const model = createSeq2Seq({
      srcVocab: tokenizer.vocabSize,
      tgtVocab: 12,
      dModel: 16,
      heads: 2,
      dFF: 32,
      encoderLayers: 1,
      decoderLayers: 1,
      srcLen: 16,
      tgtLen: 3,
      seed: 3,
    });
    const r = createRetriever(model, tokenizer, docids);
    await retrieve(r, 'warm up', DEFAULT_BEAM_SEARCH_PARAMS);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) {
      const out = await retrieve(r, `query ${i} ${TOPICS[i % 3]}`, {
        ...DEFAULT_BEAM_SEARCH_PARAMS,
        beamSize: 5,
        topK: 5,
      });
      expect(out.results).toHaveLength(5);
      for (const res of out.results) expect(lookup(r.trie, res.tokens)).toBe(res.doc);
    }
    expect(tf.memory().numTensors).toBe(before);
    disposeSeq2Seq(model);
  });

  it('trains (loss falls), leaves no tensors but the weights, and round-trips a checkpoint', async () => {
    const start = tf.memory().numTensors;
    const losses: number[] = [];
    const trained = await trainDsi(
      corpus,
      { ...TINY_TRAIN_CONFIG, epochs: 8, evalEveryEpochs: 0 },
      { onProgress: (p) => losses.push(p.loss) },
    );
    const weights = trained.retriever.model.params.size;
    expect(tf.memory().numTensors).toBe(start + weights);
    const head = losses.slice(0, 3).reduce((a, b) => a + b) / 3;
    const tail = losses.slice(-3).reduce((a, b) => a + b) / 3;
    expect(tail).toBeLessThan(head);

    const { table, bytes } = await exportWeights(trained.retriever.model);
    const manifest = {
      config: trained.retriever.model.config,
      weights: table,
    } as CheckpointManifest;
    const copy = importWeights(manifest, bytes.buffer as ArrayBuffer);
    const { docids, vocab } = trained.prepared.assignment;
    const a = createRetriever(copy, trained.prepared.tokenizer, docids, vocab);
    const q = 'volcano lava';
    const [x, y] = await Promise.all([
      retrieve(trained.retriever, q, DEFAULT_BEAM_SEARCH_PARAMS),
      retrieve(a, q, DEFAULT_BEAM_SEARCH_PARAMS),
    ]);
    expect(y.results.map((r) => r.doc)).toEqual(x.results.map((r) => r.doc));
    disposeSeq2Seq(copy);
    disposeSeq2Seq(trained.retriever.model);
    expect(tf.memory().numTensors).toBe(start);
  }, 60_000);
});
