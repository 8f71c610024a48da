import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { disposeSeq2Seq } from '../models/seq2seq';
import { ExpectedCheckpoints, KEEP_READY_MS } from './expectedCheckpoints';
import { shippedCheckpointBytes } from '../models/shippedCheckpoint.fixture';

const URL_ = 'http://localhost/models/genir-demo/';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('checkpoints made ready ahead of their load', () => {
  it('a take before the hand-over waits for it; one take per expectation', async () => {
    const expected = new ExpectedCheckpoints(() => Promise.resolve());
    expected.expect(URL_);
    let loaded = false;
    const taking = expected.take(URL_)!.then((l) => ((loaded = true), l));
    await new Promise((r) => setTimeout(r, 10));
    expect(loaded).toBe(false);
    expected.provide(URL_, shippedCheckpointBytes());
    const checkpoint = await taking;
    expect(checkpoint.docIds.length).toBe(156);
    // a later load of the same URL downloads again: nothing is expected any more
    expect(expected.take(URL_)).toBeNull();
    disposeSeq2Seq(checkpoint.retriever.model);
  });

  it('a model handed over first is imported and warmed up, then taken whole, leaving nothing behind', async () => {
    const before = tf.memory().numTensors;
    let backendUp!: () => void;
    const backend = new Promise<void>((r) => (backendUp = r));
    const expected = new ExpectedCheckpoints(() => backend);
    expected.expect(URL_);
    expected.provide(URL_, shippedCheckpointBytes());
    // nothing becomes a tensor before the backend is up
    await new Promise((r) => setTimeout(r, 10));
    expect(tf.memory().numTensors).toBe(before);
    backendUp();
    // the warm-up decodes while nobody asks
    const checkpoint = await expected.take(URL_)!;
    const answer = (await import('../models/dsiRetriever')).retrieve(
      checkpoint.retriever,
      'whale song',
      { beamSize: 5, topK: 5, maxLength: 32, lengthPenalty: 0, constrained: true },
    );
    expect((await answer).results).toHaveLength(5);
    await new Promise((r) => setTimeout(r, 50));
    disposeSeq2Seq(checkpoint.retriever.model);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees a model nobody takes after a while', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const before = tf.memory().numTensors;
    const expected = new ExpectedCheckpoints(() => Promise.resolve());
    expected.expect(URL_);
    expected.provide(URL_, shippedCheckpointBytes());
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(tf.memory().numTensors).toBeGreaterThan(before));
    await vi.advanceTimersByTimeAsync(KEEP_READY_MS);
    await vi.waitFor(() => expect(tf.memory().numTensors).toBe(before));
    expect(expected.take(URL_)).toBeNull();
  });

  it('says nothing is expected for a URL never announced, and reports a bad checkpoint to its load', async () => {
    const expected = new ExpectedCheckpoints(() => Promise.resolve());
    expect(expected.take(URL_)).toBeNull();
    expected.expect(URL_);
    const bytes = shippedCheckpointBytes();
    bytes[0] = new TextEncoder().encode('{"format":"something else"}').buffer as ArrayBuffer;
    expected.provide(URL_, bytes);
    await expect(expected.take(URL_)!).rejects.toThrow(/not a generative checkpoint/);
  });
});
