import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { loadCorpusFiles } from './loadCorpusFiles';
import { HOSTILE_NAMES, zerosStream, zipOf, type ZipMember } from './loaders.fuzz.zips';
import { utf8, VALID } from './loaders.fuzz.generators';
import { describeLoadError, type LoadResult } from './types';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, unzipFiles } from './zip';

const MIB = 2 ** 20;
const beir = (dir = 'scifact/'): ZipMember[] => [
  { name: `${dir}corpus.jsonl`, content: utf8(VALID.corpus) },
  { name: `${dir}queries.jsonl`, content: utf8(VALID.queries) },
  { name: `${dir}qrels/test.tsv`, content: utf8(VALID.qrels) },
];
const load = (bytes: Uint8Array) => loadCorpusFiles([{ name: 'corpus.zip', bytes }]);
function error(result: LoadResult): string {
  if (result.ok) throw new Error('expected an error');
  return describeLoadError(result);
}

describe('unzipFiles', () => {
  it('keeps folder names, skips folders and macOS metadata, reads stored and deflated members', () => {
    const zip = zipOf([
      ...beir().map((m, i) => ({ ...m, stored: i === 1 })),
      { name: 'scifact/' },
      { name: '__MACOSX/scifact/._corpus.jsonl', content: utf8('junk') },
    ]);
    const res = unzipFiles({ name: 'corpus.zip', bytes: zip });
    expect(res.ok && res.value.map((f) => f.name)).toEqual([
      'scifact/corpus.jsonl',
      'scifact/queries.jsonl',
      'scifact/qrels/test.tsv',
    ]);
    const corpus = load(zip);
    expect(corpus.ok && [corpus.value.name, corpus.value.docs.length]).toEqual(['scifact', 4]);
  });

  it('reads an archive fflate wrote, comment and all', () => {
    const files = Object.fromEntries(beir().map((m) => [m.name, m.content!]));
    const res = load(zipSync(files, { comment: 'made by fflate' }));
    expect(res.ok && res.value.queries.length).toBe(3);
  });

  it.each(HOSTILE_NAMES)('refuses an archive with an entry named %j', (name) => {
    const members = [...beir(), { name, content: utf8(VALID.corpus) }];
    expect(error(load(zipOf(members)))).toMatch(/^corpus\.zip: refusing the archive: entry ".*"/);
  });

  it('refuses a zip inside a zip, at any depth, without opening it', () => {
    let zip = zipOf(beir());
    for (let depth = 1; depth <= 3; depth++) {
      zip = zipOf([{ name: `level${depth}.zip`, content: zip }]);
      expect(error(load(zip))).toBe(
        `corpus.zip: holds another archive, "level${depth}.zip": unzip that one and drop its files (archives inside archives are not opened)`,
      );
    }
  });

  it('refuses a bomb by its declared size before unpacking anything', () => {
    const mib = MAX_UNZIPPED_BYTES / MIB + 1;
    const bomb = zipOf([
      { name: 'corpus.jsonl', packed: { bytes: zerosStream(mib), size: mib * MIB } },
    ]);
    expect(bomb.length).toBeLessThan(MIB);
    expect(error(load(bomb))).toBe(
      'corpus.zip: the archive would unpack to more than 512 MB; load a smaller corpus or drop its files unzipped',
    );
    const parts = Array.from({ length: 20 }, (_, i) => ({
      name: `p${i}.txt`,
      packed: { bytes: zerosStream(1), size: 30 * MIB },
    }));
    expect(error(load(zipOf(parts, true)))).toMatch(/would unpack to more than 512 MB/);
  });

  it('stops a lying header at its declared size', () => {
    const liar = {
      name: 'corpus.jsonl',
      packed: { bytes: zerosStream(600), size: 600 * MIB },
      declaredSize: 1000,
    };
    expect(error(load(zipOf([liar])))).toBe(
      'corpus.zip: entry "corpus.jsonl" unpacks to more than the 1000 bytes it declares: the archive is damaged or built to exhaust memory',
    );
    const short = { ...beir()[0], declaredSize: utf8(VALID.corpus).length + 5 };
    expect(error(load(zipOf([short])))).toMatch(/unpacks to \d+ bytes but declares \d+/);
    const impossible = { ...beir()[0], declaredSize: 400 * MIB };
    expect(error(load(zipOf([impossible])))).toMatch(
      /declares 400 MB, more than its .* of packed bytes can hold/,
    );
  });

  it('limits the entry count, and names encryption and unknown methods', () => {
    const many = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `f${i}.txt` }));
    expect(error(load(zipOf(many)))).toBe(
      'corpus.zip: the archive lists 10,001 entries; at most 10,000 are accepted',
    );
    const [corpus, ...rest] = beir();
    expect(error(load(zipOf([{ ...corpus, flags: 1 }, ...rest])))).toMatch(
      /"scifact\/corpus\.jsonl" is encrypted/,
    );
    expect(error(load(zipOf([{ ...corpus, method: 14 }, ...rest])))).toMatch(
      /compression method 14/,
    );
  });

  it('names damage instead of throwing', () => {
    const zip = zipOf(beir());
    expect(error(load(zip.slice(0, zip.length - 30)))).toMatch(
      /^corpus\.zip: not a readable zip archive/,
    );
    expect(error(load(utf8('PK not really')))).toMatch(/no end-of-archive record/);
  });
});
