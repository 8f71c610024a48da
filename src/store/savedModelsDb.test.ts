import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { DsiCheckpointFiles } from '../models/readDsiCheckpoint';
import { filesBytes, openSavedModelsDb } from './savedModelsDb';

const files = (n: number): DsiCheckpointFiles => ({
  manifest: { format: 'genir-dsi-1', config: {} as never, weights: [] },
  weights: new Uint8Array(n).map((_, i) => i % 251),
  tokenizer: {} as never,
  docids: { scheme: 'atomic', params: {}, docids: { d1: [3] }, clusterTerms: {} },
  metrics: { hits1: 0.5 },
  config: {},
});
const meta = (name: string) => ({
  kind: 'generative' as const,
  name,
  corpusName: 'c',
  corpusKey: 'c#1#00000000',
  docCount: 1,
  detail: 'atomic docids',
  metrics: { hits1: 0.5 },
  metricsSplit: 'dev',
});

describe('saved models (IndexedDB)', () => {
  it('saves, lists newest first, returns the same bytes, renames and removes', async () => {
    const db = openSavedModelsDb('test-1');
    const a = await db.save(meta('first'), files(1000));
    await new Promise((r) => setTimeout(r, 2));
    const b = await db.save(meta('second'), files(10));
    expect((await db.list()).map((m) => m.name)).toEqual(['second', 'first']);
    expect(a.bytes).toBe(filesBytes(files(1000)));
    expect(a.bytes).toBeGreaterThan(1000);
    const back = (await db.files(a.id)) as DsiCheckpointFiles;
    expect(back).toEqual(files(1000));
    await db.rename(b.id, 'renamed');
    expect((await db.list()).map((m) => m.name)).toEqual(['renamed', 'first']);
    await db.remove(a.id);
    expect((await db.list()).map((m) => m.id)).toEqual([b.id]);
    expect(await db.files(a.id)).toBeUndefined();
    await expect(db.rename(a.id, 'x')).rejects.toThrow(/no longer saved/);
  });

  it('reads models saved before JSON members were stored as text', async () => {
    const db = openSavedModelsDb('test-3');
    const a = await db.save(meta('new'), files(8));
    // a record as earlier versions wrote it: every member as it is
    const raw = await openDB('test-3');
    await raw.put('files', { id: 'old-1', files: files(5) });
    raw.close();
    expect(await db.files('old-1')).toEqual(files(5));
    expect(await db.files(a.id)).toEqual(files(8));
  });

  it("keeps each corpus's choice per kind, and forgets a choice whose model is removed", async () => {
    const db = openSavedModelsDb('test-2');
    const a = await db.save(meta('m'), files(4));
    await db.setInUse('c#1#00000000', 'generative', a.id);
    await db.setInUse('c#1#00000000', 'dense', 'shipped');
    await db.setInUse('other#2#00000000', 'generative', a.id);
    expect(await db.inUse('c#1#00000000', 'generative')).toBe(a.id);
    expect(await db.inUse('c#1#00000000', 'dense')).toBe('shipped');
    expect(await db.usesSaved('c', 'generative')).toBe(true);
    expect(await db.usesSaved('c', 'dense')).toBe(false);
    expect(await db.usesSaved('o', 'generative')).toBe(false);
    await db.remove(a.id);
    expect(await db.usesSaved('c', 'generative')).toBe(false);
    expect(await db.inUse('c#1#00000000', 'generative')).toBeUndefined();
    expect(await db.inUse('other#2#00000000', 'generative')).toBeUndefined();
    expect(await db.inUse('c#1#00000000', 'dense')).toBe('shipped');
  });
});

describe('the corpus kept for the next visit', () => {
  it('is kept, told apart from none without reading it, and forgotten', async () => {
    const db = openSavedModelsDb('test-kept');
    expect(await db.hasLastCorpus()).toBe(false);
    expect(await db.lastCorpus()).toBeUndefined();
    const kept = {
      source: 'files' as const,
      files: [{ name: 'a.csv', bytes: new Uint8Array([1, 2]) }],
    };
    await db.setLastCorpus(kept);
    expect(await db.hasLastCorpus()).toBe(true);
    expect(await db.lastCorpus()).toEqual(kept);
    await db.setLastCorpus(null);
    expect(await db.hasLastCorpus()).toBe(false);
  });
});
