import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipDirectory } from '../core/corpus/zipDirectory';
import type { DsiCheckpointFiles } from './readDsiCheckpoint';
import type { BundleModel } from './modelBundle';
import type { QueryGenCheckpointFiles } from './queryGenCheckpoint';
import { isSessionBundle, makeSessionBundle, readSessionBundle } from './sessionBundle';

const info = { name: 'notes', corpusKey: 'notes#2#0000abcd', docCount: 2 };
const describe_ = (kind: BundleModel['kind']): BundleModel => ({
  kind,
  name: `${kind} model`,
  corpusName: 'notes',
  corpusKey: info.corpusKey,
  docCount: 2,
  detail: '',
  metrics: {},
  metricsSplit: '',
});
const generative = (): DsiCheckpointFiles => ({
  manifest: {
    format: 'genir-dsi-1',
    config: {} as never,
    weights: [{ name: 'a', shape: [3], offset: 0 }],
  },
  weights: new Uint8Array(12).map((_, i) => i * 11),
  tokenizer: { merges: [] } as never,
  docids: { scheme: 'atomic', params: {}, docids: { t1: [3], t2: [4] }, clusterTerms: {} },
  metrics: {},
  config: {},
});
const querygen = (): QueryGenCheckpointFiles => ({
  manifest: {
    format: 'genir-querygen-1',
    config: {} as never,
    weights: [{ name: 'w', shape: [2, 2], offset: 0 }],
    parameters: 4,
    training: {} as never,
    corpusName: 'notes',
    pairs: 7,
  },
  weights: new Uint8Array(16).fill(9),
  tokenizer: { merges: [] } as never,
});
const csv = strToU8('id,title,text\nt1,Tea,Green tea.\nt2,Coffee,Roasted beans.\n');
const models = () => [
  { model: describe_('generative'), files: generative() },
  { model: describe_('querygen'), files: querygen() },
];

describe('session bundles', () => {
  it('round-trip the corpus as it was given (files, pasted text or the built-in mark) and every model', async () => {
    const files = { source: 'files' as const, files: [{ name: 'notes.csv', bytes: csv }] };
    const zip = await makeSessionBundle(files, info, models());
    expect(isSessionBundle(zip)).toBe(true);
    expect(await readSessionBundle('s.zip', zip)).toEqual({
      ok: true,
      corpus: files,
      info,
      models: models(),
    });

    const pasted = { source: 'pasted' as const, text: 'Otters\nOtters hold hands.' };
    const back = await readSessionBundle('s.zip', await makeSessionBundle(pasted, info, []));
    expect(back).toEqual({ ok: true, corpus: pasted, info, models: [] });
    const builtin = await readSessionBundle(
      's.zip',
      await makeSessionBundle({ source: 'built-in' }, info, models().slice(0, 1)),
    );
    expect(builtin.ok && builtin.corpus).toEqual({ source: 'built-in' });
  });

  it('refuses a damaged corpus file or model member by name, and models of another corpus', async () => {
    const files = { source: 'files' as const, files: [{ name: 'notes.csv', bytes: csv }] };
    const zip = await makeSessionBundle(files, info, models());
    const directory = readZipDirectory(zip, 100);
    if (!directory.ok) throw new Error(directory.error);
    const start = (member: string) => directory.entries.find((e) => e.name === member)!.dataStart;
    const flip = (member: string) => {
      const copy = zip.slice();
      copy[start(member) + 3] ^= 0x01;
      return copy;
    };
    const broken = await readSessionBundle('s.zip', flip('querygen/weights.bin'));
    expect(broken).toEqual({
      ok: false,
      error:
        's.zip: querygen/weights.bin does not match its SHA-256 in bundle.json: the file is damaged',
    });
    const corpusBroken = await readSessionBundle('s.zip', flip('corpus/notes.csv'));
    expect(corpusBroken.ok).toBe(false);
    if (!corpusBroken.ok) expect(corpusBroken.error).toMatch(/^s\.zip: .*corpus\/notes\.csv/);

    const stranger = { ...models()[0], model: { ...describe_('generative'), corpusKey: 'x#1#0' } };
    await expect(makeSessionBundle(files, info, [stranger])).rejects.toThrow(/another corpus/);
    const twice = [models()[0], models()[0]];
    await expect(makeSessionBundle(files, info, twice)).rejects.toThrow(/one model per kind/);
    expect(isSessionBundle(new Uint8Array([1, 2]))).toBe(false);
  });
});
