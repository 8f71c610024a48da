import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../core/decode/beamSearch';
import { TINY_DENSE_CONFIG } from '../models/dense/presets';
import { TINY_TRAIN_CONFIG } from '../models/train/presets';
import { createEngine } from './engine';
import { TINY_TOPICS_CORPUS } from './tinyCorpus.fixture';
import type { DenseAnswer, GenerativeAnswer } from './engineApi';

const corpus = TINY_TOPICS_CORPUS;
const quiet = { onStage: () => {}, onPrepared: () => {}, onProgress: () => {}, onEval: () => {} };
const params = { ...DEFAULT_BEAM_SEARCH_PARAMS, beamSize: 5, topK: 5 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('saving and restoring models (TF.js cpu backend)', () => {
  it('a generative model restored from its files in a new engine answers exactly as before', async () => {
    const first = createEngine();
    const trained = await first.train(corpus, { ...TINY_TRAIN_CONFIG, epochs: 2 }, quiet);
    const before = (await first.search('whale ocean', params)) as GenerativeAnswer;
    const files = await first.exportGenerative();
    await first.dropModel();

    // a structured clone is what IndexedDB and postMessage hand back
    const second = createEngine();
    await second.init('cpu');
    const info = await second.importGenerative(structuredClone(files), 'tiny');
    expect(info.docCount).toBe(12);
    expect(info.docidScheme).toBe(trained.model!.docidScheme);
    expect(info.metricsSplit).toBe(trained.model!.metricsSplit);
    const after = (await second.search('whale ocean', params)) as GenerativeAnswer;
    expect(after.hits.map((h) => [h.docId, h.logProb])).toEqual(
      before.hits.map((h) => [h.docId, h.logProb]),
    );
    await second.dropModel();
  }, 60_000);

  it('a restored dense model gives the same ranking and scores', async () => {
    const first = createEngine();
    await first.trainDense(corpus, { ...TINY_DENSE_CONFIG, epochs: 2, evalEveryEpochs: 0 }, quiet);
    const before = (await first.denseSearch('violin string', 5)) as DenseAnswer;
    const files = await first.exportDense();
    await first.dropDense();
    const second = createEngine();
    await second.init('cpu');
    const info = await second.importDense(structuredClone(files), 'tiny', []);
    expect(info.docCount).toBe(12);
    const after = (await second.denseSearch('violin string', 5)) as DenseAnswer;
    expect(after.hits).toEqual(before.hits);
    await second.dropDense();
  }, 60_000);

  it('refuses files whose weights were cut short, and keeps the model in use', async () => {
    const engine = createEngine();
    await engine.init('cpu');
    await engine.train(corpus, { ...TINY_TRAIN_CONFIG, epochs: 1 }, quiet);
    const files = await engine.exportGenerative();
    const tensors = tf.memory().numTensors;
    const cut = { ...files, weights: files.weights.slice(0, files.weights.length - 8) };
    await expect(engine.importGenerative(cut, 'tiny')).rejects.toThrow(/too short/);
    expect(isFinite(((await engine.search('lava', params)) as GenerativeAnswer).ms)).toBe(true);
    expect(tf.memory().numTensors).toBe(tensors);
    await engine.dropModel();
  }, 60_000);
});
