import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { disposeSeq2Seq } from './seq2seq';
import { loadCheckpoint } from './loadCheckpoint';
import { type DsiCheckpointFiles } from './readDsiCheckpoint';

const DIR = 'public/models/genir-demo/';
const json = (name: string) => JSON.parse(readFileSync(DIR + name, 'utf8'));

/** The shipped checkpoint's files, as a finished download would hand them over. */
function shippedFiles(): DsiCheckpointFiles {
  return {
    manifest: json('model.json'),
    weights: new Uint8Array(readFileSync(DIR + 'weights.bin')),
    tokenizer: json('tokenizer.json'),
    docids: json('docids.json'),
    metrics: json('metrics.json'),
    config: json('config.json'),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('loadCheckpoint with files downloaded earlier (the page prefetches the shipped model)', () => {
  it('builds the retriever from those files and downloads nothing', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetchSpy);
    const files = shippedFiles();
    const loaded = await loadCheckpoint(
      'http://localhost/models/genir-demo/',
      Promise.resolve(),
      Promise.resolve(files),
    );
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(loaded.docIds).toEqual(Object.keys(files.docids.docids));
    expect(loaded.retriever.model.config).toMatchObject(files.manifest.config);
    disposeSeq2Seq(loaded.retriever.model);
  });

  it('waits for the backend before making tensors', async () => {
    let ready!: () => void;
    const backendReady = new Promise<void>((resolve) => (ready = resolve));
    let done = false;
    const loading = loadCheckpoint('unused', backendReady, Promise.resolve(shippedFiles())).then(
      (loaded) => {
        done = true;
        return loaded;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    ready();
    disposeSeq2Seq((await loading).retriever.model);
  });
});
