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

/** The shipped checkpoint's six files, as the page hands them over. */
async function shippedBytes(): Promise<ArrayBuffer[]> {
  const { readFileSync } = await import('node:fs');
  const dir = 'public/models/genir-demo/';
  const names = ['model.json', 'weights.bin', 'tokenizer.json', 'docids.json', 'metrics.json'];
  return [...names, 'config.json'].map((name) => {
    const b = readFileSync(dir + name);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  });
}

const SHIPPED_URL = 'http://localhost/models/genir-demo/';

describe('engine: a checkpoint the page downloads and hands over', () => {
  it('a loadCheckpoint waits for provideCheckpoint and downloads nothing itself', async () => {
    const bytes = await shippedBytes();
    const fetchBefore = globalThis.fetch;
    let fetched = 0;
    globalThis.fetch = (() => {
      fetched++;
      return Promise.reject(new Error('no network in this test'));
    }) as typeof fetch;
    try {
      const engine = createEngine();
      await engine.init('cpu');
      const url = SHIPPED_URL;
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

describe('engine: the question of the page address, decoded before the page asks', () => {
  const question = 'how are documents given identifiers';

  /** An engine on the cpu backend with the shipped checkpoint handed over and put in use. */
  async function engineWith(early?: { query: string; params: typeof params }) {
    const engine = createEngine();
    await engine.init('cpu');
    engine.expectCheckpoint(SHIPPED_URL, early);
    engine.provideCheckpoint(SHIPPED_URL, await shippedBytes());
    await engine.loadCheckpoint(SHIPPED_URL, 'genir-demo');
    return engine;
  }
  const docIds = (a: Awaited<ReturnType<ReturnType<typeof createEngine>['search']>>) => {
    if (isSuperseded(a)) throw new Error('an untagged request is never superseded');
    return a.hits.map((h) => [h.docId, h.score]);
  };

  it('the first search of that question and settings takes its answer, the same as a decode now', async () => {
    const reference = await engineWith();
    const expected = docIds(await reference.search(question, params));
    await reference.dropModel();

    const engine = await engineWith({ query: question, params });
    expect(docIds(await engine.search(question, params))).toEqual(expected);
    expect((await engine.activity()).earlyAnswers).toBe(1);
    // it serves once: the next search decodes
    expect(docIds(await engine.search(question, params))).toEqual(expected);
    expect((await engine.activity()).earlyAnswers).toBe(1);
    const tensors = tf.memory().numTensors;
    await engine.dropModel();
    expect(tf.memory().numTensors).toBeLessThan(tensors);
  }, 60_000);

  it('a search of other settings stops it and decodes its own', async () => {
    const engine = await engineWith({ query: question, params });
    const answer = await engine.search(question, { ...params, beamSize: 8, topK: 8 });
    expect(docIds(answer)).toHaveLength(8);
    expect((await engine.activity()).earlyAnswers).toBe(0);
    await engine.dropModel();
  }, 60_000);

  it('a model dropped while it decodes keeps its weights until that decode has stopped', async () => {
    const before = tf.memory().numTensors;
    const engine = await engineWith({ query: question, params });
    await engine.dropModel();
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    await until(async () => tf.memory().numTensors === before);
  }, 60_000);
});
