import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BEAM_SEARCH_PARAMS } from '../core/decode/beamSearch';
import { TINY_TRAIN_CONFIG } from '../models/train/presets';
import { createEngine } from './engine';
import { TINY_TOPICS_CORPUS } from './tinyCorpus.fixture';
import type { GenerativeAnswer, TrainCallbacksApi } from './engineApi';
import { isSuperseded, yieldToMessages } from './latestRequests';

const corpus = TINY_TOPICS_CORPUS;
const quiet: TrainCallbacksApi = {
  onStage: () => {},
  onPrepared: () => {},
  onProgress: () => {},
  onEval: () => {},
};
const config = { ...TINY_TRAIN_CONFIG, epochs: 2, evalEveryEpochs: 0 };
const params = { ...DEFAULT_BEAM_SEARCH_PARAMS, beamSize: 5, topK: 5 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Yield until `done()` holds (each turn lets the engine's pending work advance one step). */
async function until(done: () => Promise<boolean>) {
  for (let turns = 0; !(await done()); turns++) {
    if (turns > 10_000) throw new Error('the condition never held');
    await yieldToMessages();
  }
}

describe('engine (TF.js cpu backend)', () => {
  it('a model replaced mid-decode finishes its answer on the old weights, then is disposed', async () => {
    const engine = createEngine();
    const start = tf.memory().numTensors;
    await engine.train(corpus, config, quiet);
    const reference = (await engine.search('whale ocean', params)) as GenerativeAnswer;
    const withModel = tf.memory().numTensors;

    let settled = false;
    const pending = engine.search('whale ocean', params).finally(() => (settled = true));
    const before = (await engine.activity()).beamSearches;
    // wait until the decode has started, then take the model away and train another one
    await until(async () => (await engine.activity()).beamSearches > before);
    expect(settled).toBe(false);
    await engine.dropModel();
    expect(settled).toBe(false);
    const answer = await pending;
    if (isSuperseded(answer)) throw new Error('an untagged request is never superseded');
    expect(answer.hits.map((h) => h.docId)).toEqual(reference.hits.map((h) => h.docId));
    expect(answer.hits).toHaveLength(5);
    // the old weights went once the decode returned them; nothing else is left behind
    expect(tf.memory().numTensors).toBe(start);
    await expect(engine.search('whale ocean', params)).rejects.toThrow(
      'no generative model is loaded',
    );
    expect(withModel).toBeGreaterThan(start);
  }, 60_000);

  it('a newer request of the same channel drops an older one, before or during its decode', async () => {
    const engine = createEngine();
    await engine.train(corpus, config, quiet);
    const tensors = tf.memory().numTensors;
    const first = engine.search('volcano', params, { channel: 'generative', id: 1 });
    const second = engine.search('volcano lava', params, { channel: 'generative', id: 2 });
    expect(await first).toEqual({ superseded: true, channel: 'generative', id: 1 });
    const answer = await second;
    expect(isSuperseded(answer)).toBe(false);

    // superseded mid-decode: the third request starts decoding before the fourth arrives
    const third = engine.search('violin', params, { channel: 'generative', id: 3 });
    const started = (await engine.activity()).beamSearches;
    await until(async () => (await engine.activity()).beamSearches > started);
    const fourth = engine.search('violin string', params, { channel: 'generative', id: 4 });
    expect(await third).toEqual({ superseded: true, channel: 'generative', id: 3 });
    expect(isSuperseded(await fourth)).toBe(false);
    // other channels are not affected, and stopped decodes leak nothing
    expect(isSuperseded(await engine.search('whale', params, { channel: 'inspect', id: 1 }))).toBe(
      false,
    );
    expect(tf.memory().numTensors).toBe(tensors);
    const activity = await engine.activity();
    expect(activity.superseded).toBe(2);
    expect(activity.tensors).toBe(tensors);
    await engine.dropModel();
  }, 60_000);
});

describe('engine: a checkpoint the page downloads and hands over', () => {
  it('a loadCheckpoint waits for provideCheckpoint and downloads nothing itself', async () => {
    const { readFileSync } = await import('node:fs');
    const dir = 'public/models/genir-demo/';
    const names = ['model.json', 'weights.bin', 'tokenizer.json', 'docids.json', 'metrics.json'];
    const bytes = [...names, 'config.json'].map((name) => {
      const b = readFileSync(dir + name);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    });
    const fetchBefore = globalThis.fetch;
    let fetched = 0;
    globalThis.fetch = (() => {
      fetched++;
      return Promise.reject(new Error('no network in this test'));
    }) as typeof fetch;
    try {
      const engine = createEngine();
      await engine.init('cpu');
      const url = 'http://localhost/models/genir-demo/';
      engine.expectCheckpoint(url);
      let info: unknown;
      const loading = engine.loadCheckpoint(url, 'genir-demo').then((i) => (info = i));
      await yieldToMessages();
      expect(info).toBeUndefined();
      engine.provideCheckpoint(url, bytes);
      await loading;
      expect(info).toMatchObject({ source: 'checkpoint', corpusName: 'genir-demo' });
      expect(fetched).toBe(0);
      await engine.dropModel();
    } finally {
      globalThis.fetch = fetchBefore;
    }
  });
});
