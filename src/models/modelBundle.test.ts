import { describe, expect, it } from 'vitest';
import { readZipDirectory } from '../core/corpus/zipDirectory';
import type { DsiCheckpointFiles } from './readDsiCheckpoint';
import { makeBundle, readBundle, type BundleModel } from './modelBundle';

const model: BundleModel = {
  kind: 'generative',
  name: 'Tiny atomic',
  corpusName: 'c',
  corpusKey: 'c#2#0000abcd',
  docCount: 2,
  detail: 'atomic docids',
  metrics: { 'Hits@1': 0.5 },
  metricsSplit: 'dev',
};
const files = (): DsiCheckpointFiles => ({
  manifest: {
    format: 'genir-dsi-1',
    config: {} as never,
    weights: [
      { name: 'a', shape: [2, 3], offset: 0 },
      { name: 'b', shape: [4], offset: 24 },
    ],
  },
  weights: new Uint8Array(40).map((_, i) => i * 7),
  tokenizer: { merges: [['a', 'b']] } as never,
  docids: { scheme: 'atomic', params: {}, docids: { d1: [3], d2: [4] }, clusterTerms: {} },
  metrics: { 'Hits@1': 0.5 },
  config: { epochs: 2 },
});
/** Where a member's bytes start inside the archive. */
function dataStart(zip: Uint8Array, member: string): number {
  const directory = readZipDirectory(zip, 100);
  if (!directory.ok) throw new Error(directory.error);
  return directory.entries.find((e) => e.name === member)!.dataStart;
}

describe('model bundles', () => {
  it('round-trips the files and the description', async () => {
    const zip = await makeBundle(model, files());
    const back = await readBundle('m.zip', zip);
    if (!back.ok) throw new Error(back.error);
    expect(back.model).toEqual(model);
    expect(back.files).toEqual(files());
  });

  it('names the member a flipped byte damaged, stored or deflated', async () => {
    const zip = await makeBundle(model, files());
    const flipped = zip.slice();
    flipped[dataStart(zip, 'weights.bin') + 5] ^= 0x01;
    expect(await readBundle('m.zip', flipped)).toEqual({
      ok: false,
      error: 'm.zip: weights.bin does not match its SHA-256 in bundle.json: the file is damaged',
    });
    const deflated = zip.slice();
    deflated[dataStart(zip, 'docids.json') + 2] ^= 0x10;
    const result = await readBundle('m.zip', deflated);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/docids\.json/);
  });

  it('refuses a truncated zip, another format version, a missing member and wrong shapes', async () => {
    const zip = await makeBundle(model, files());
    const cut = await readBundle('m.zip', zip.slice(0, zip.length - 40));
    expect(cut.ok).toBe(false);
    expect((await readBundle('x.zip', new Uint8Array([1, 2, 3]))).ok).toBe(false);

    const short = files();
    short.weights = short.weights.slice(0, 36);
    expect(await readBundle('m.zip', await makeBundle(model, short))).toEqual({
      ok: false,
      error: "m.zip: weights.bin holds 36 bytes; model.json's weight table needs 40",
    });
    // float16 weights (the shipped checkpoint's): two bytes per value
    const half = files();
    half.manifest = { ...half.manifest, weightsDtype: 'float16' };
    half.weights = half.weights.slice(0, 20);
    expect((await readBundle('m.zip', await makeBundle(model, half))).ok).toBe(true);
    half.weights = half.weights.slice(0, 18);
    expect(await readBundle('m.zip', await makeBundle(model, half))).toEqual({
      ok: false,
      error: "m.zip: weights.bin holds 18 bytes; model.json's weight table needs 20",
    });
    expect(await readBundle('m.zip', await makeBundle({ ...model, docCount: 3 }, files()))).toEqual(
      {
        ok: false,
        error: 'm.zip: docids.json maps 2 documents; bundle.json says 3',
      },
    );
    const { zipSync, strToU8 } = await import('fflate');
    const future = zipSync({
      'bundle.json': strToU8(JSON.stringify({ format: 'genir-bundle-9' })),
    });
    expect(await readBundle('f.zip', future)).toEqual({
      ok: false,
      error: 'f.zip: bundle format "genir-bundle-9" is not one this page reads (genir-bundle-1)',
    });
    const other = zipSync({ 'corpus.jsonl': strToU8('{}') });
    expect(await readBundle('o.zip', other)).toEqual({
      ok: false,
      error: 'o.zip: not a bundle of this page (no bundle.json inside)',
    });
  });
});
