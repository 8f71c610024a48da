import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCorpusFiles, loadPastedText } from './loadCorpusFiles';
import { damaged, randomBytes } from './loaders.fuzz.bytes';
import {
  corpusText,
  delimitedText,
  pastedText,
  qrelsText,
  queriesText,
  utf8,
  VALID,
} from './loaders.fuzz.generators';
import { bombs, zipArchive, zipOf } from './loaders.fuzz.zips';
import type { Corpus, InputFile, LoadResult, ProgressFn } from './types';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';

const SEED = 20_240_611;
/** Per call: generous, since CI is a slow 2-core machine and a few cases parse 4 MB lines. */
const CASE_MS = 2_000;
/** Heap and ArrayBuffer growth allowed over the whole run, measured after a full GC. */
const MEMORY_BOUND = 256 * 2 ** 20;
/** Small limits so that bombs are cheap to build; DEFAULT_ZIP_LIMITS gets its own bombs below. */
const FUZZ_LIMITS: ZipLimits = { maxUnzippedBytes: 2 * 2 ** 20, maxEntries: 64 };
/** What one zip call may allocate beyond its limit: one inflate step's output (~17 MB) grown by doubling. */
const INFLATE_SLACK = 48 * 2 ** 20;
const MIB = 2 ** 20;
const TEST_MS = 120_000;

interface Memory {
  heapUsed: number;
  arrayBuffers: number;
}
const node = globalThis as unknown as {
  process: { memoryUsage(): Memory; getBuiltinModule?: (id: string) => unknown };
};
const memory = () => node.process.memoryUsage();

/** A full GC where Node allows turning one on (v20.16+), so the bound measures what stays alive. */
function fullGc(): () => void {
  const get = node.process.getBuiltinModule;
  if (!get) return () => {};
  (get('node:v8') as { setFlagsFromString(flag: string): void }).setFlagsFromString('--expose-gc');
  return (get('node:vm') as { runInNewContext(code: string): () => void }).runInNewContext('gc');
}

let cases = 0;
let gc: () => void;
let baseline: Memory;
beforeAll(() => {
  gc = fullGc();
  gc();
  baseline = memory();
});

/** Why a corpus that loaded is not well-formed, or null. */
function corpusProblem(c: Corpus): string | null {
  if (typeof c.name !== 'string') return 'name is not a string';
  if (c.docs.length === 0) return 'no documents';
  const docIds = new Set<string>();
  for (const d of c.docs) {
    if (typeof d.id !== 'string' || typeof d.title !== 'string' || typeof d.text !== 'string')
      return `document ${String(d.id)} has a non-string field`;
    if (d.id.trim() === '' || (d.title + d.text).trim() === '') return 'a blank document or id';
    docIds.add(d.id);
  }
  if (docIds.size !== c.docs.length) return 'duplicate document ids';
  const queryIds = new Set(c.queries.map((q) => q.id));
  if (queryIds.size !== c.queries.length) return 'duplicate query ids';
  if (
    c.queries.some((q) => typeof q.id !== 'string' || typeof q.text !== 'string' || !q.text.trim())
  )
    return 'a malformed query';
  for (const qrels of Object.values(c.qrels)) {
    for (const [q, judged] of qrels) {
      if (!queryIds.has(q)) return `qrels name unknown query ${q}`;
      for (const [d, grade] of judged)
        if (!docIds.has(d) || !Number.isInteger(grade)) return `bad judgment ${q} ${d} ${grade}`;
    }
  }
  return null;
}

const latin1 = new TextDecoder('latin1');
const lenient = new TextDecoder();
/** An error may name an input file or, for a zip, a member (its name appears in the archive). */
const namesInput = (files: InputFile[]) => (file: string) =>
  files.some(
    (f) =>
      f.name === file ||
      (f.name.toLowerCase().endsWith('.zip') &&
        (latin1.decode(f.bytes).includes(file) || lenient.decode(f.bytes).includes(file))),
  );

/** One loader call against the contract: returns in time, a well-formed corpus or a named error. */
function check(
  call: (onProgress: ProgressFn) => LoadResult,
  namesFile: (file: string) => boolean,
  memoryBudget = Infinity,
): void {
  cases++;
  const badFractions: number[] = [];
  const onProgress: ProgressFn = (f) => void (f >= 0 && f <= 1 ? 0 : badFractions.push(f));
  const before = memory().arrayBuffers;
  const start = performance.now();
  const result = call(onProgress);
  const ms = performance.now() - start;
  if (ms >= CASE_MS) throw new Error(`took ${ms.toFixed(0)} ms`);
  // no GC in between, so buffers this call allocated are still counted here
  const grown = memory().arrayBuffers - before;
  if (grown > memoryBudget) throw new Error(`allocated ${(grown / MIB).toFixed(0)} MiB`);
  if (badFractions.length) throw new Error(`progress fractions ${badFractions.join(', ')}`);
  if (result.ok) {
    const problem = corpusProblem(result.value);
    if (problem) throw new Error(`loaded a malformed corpus: ${problem}`);
  } else {
    if (!result.error || result.error.length > 1000)
      throw new Error(`bad message: ${result.error.slice(0, 200)}`);
    if (result.file === undefined || !namesFile(result.file))
      throw new Error(`the error names no input file: ${JSON.stringify(result).slice(0, 300)}`);
  }
}

/** Feed `numRuns` generated file sets to `loadCorpusFiles`. */
function fuzzFiles<T>(
  arb: fc.Arbitrary<T>,
  numRuns: number,
  toFiles: (value: T) => InputFile[],
  limits = FUZZ_LIMITS,
): void {
  const property = fc.property(arb, (value) => {
    const files = toFiles(value);
    const zipped = files.some((f) => f.name.toLowerCase().endsWith('.zip'));
    const budget = zipped ? limits.maxUnzippedBytes + INFLATE_SLACK : Infinity;
    check((p) => loadCorpusFiles(files, p, limits), namesInput(files), budget);
  });
  fc.assert(property, { seed: SEED, numRuns });
}

const folder = fc.constantFrom('', 'scifact/', 'a/b/');
const beir = (dir: string, corpus: Uint8Array, queries?: Uint8Array, qrels?: Uint8Array) =>
  [
    { name: `${dir}corpus.jsonl`, bytes: corpus },
    { name: `${dir}queries.jsonl`, bytes: queries },
    { name: `${dir}qrels/test.tsv`, bytes: qrels },
  ].filter((f): f is InputFile => f.bytes !== undefined);

describe('corpus loaders under generated malformed input', () => {
  it(
    'BEIR corpus.jsonl',
    () => {
      fuzzFiles(fc.tuple(folder, damaged(corpusText)), 1600, ([dir, corpus]) =>
        beir(dir, corpus, utf8(VALID.queries), utf8(VALID.qrels)),
      );
    },
    TEST_MS,
  );

  it(
    'BEIR queries.jsonl',
    () => {
      fuzzFiles(fc.tuple(folder, damaged(queriesText)), 1200, ([dir, queries]) =>
        beir(dir, utf8(VALID.corpus), queries, utf8(VALID.qrels)),
      );
    },
    TEST_MS,
  );

  it(
    'BEIR qrels/*.tsv, with a second split or without queries sometimes',
    () => {
      const extra = fc.option(damaged(qrelsText), { freq: 3 });
      const arb = fc.tuple(folder, damaged(qrelsText), extra, fc.boolean());
      fuzzFiles(arb, 1600, ([dir, qrels, train, noQueries]) => [
        ...beir(dir, utf8(VALID.corpus), noQueries ? undefined : utf8(VALID.queries), qrels),
        ...(train ? [{ name: `${dir}qrels/train.tsv`, bytes: train }] : []),
      ]);
    },
    TEST_MS,
  );

  it(
    'a lone .jsonl of documents',
    () => {
      fuzzFiles(damaged(corpusText), 400, (bytes) => [{ name: 'docs.jsonl', bytes }]);
    },
    TEST_MS,
  );

  it(
    'CSV and TSV documents',
    () => {
      fuzzFiles(damaged(delimitedText(VALID.csv)), 1100, (bytes) => [{ name: 'docs.csv', bytes }]);
      fuzzFiles(damaged(delimitedText(VALID.tsv)), 700, (bytes) => [{ name: 'docs.TSV', bytes }]);
    },
    TEST_MS,
  );

  it(
    '.txt files and pasted text',
    () => {
      const txt = fc.oneof(pastedText, fc.constant(VALID.txt));
      fuzzFiles(damaged(txt), 500, (bytes) => [{ name: 'notes.txt', bytes }]);
      const property = fc.property(pastedText, (text) => {
        check(
          () => loadPastedText(text),
          (file) => file === 'pasted text',
        );
      });
      fc.assert(property, { seed: SEED, numRuns: 1000 });
    },
    TEST_MS,
  );

  it(
    'random bytes under any file name',
    () => {
      const name = fc.constantFrom(
        'corpus.jsonl',
        'queries.jsonl',
        'qrels/test.tsv',
        'x.csv',
        'x.tsv',
        'x.txt',
        'x.jsonl',
        'x.zip',
        'x.pdf',
      );
      const files = fc.uniqueArray(fc.record({ name, bytes: randomBytes }), {
        minLength: 1,
        maxLength: 3,
        selector: (f) => f.name,
      });
      fuzzFiles(files, 800, (fs) => fs);
    },
    TEST_MS,
  );

  it(
    'zip archives: damaged members, hostile names, nesting, bombs, lying headers, noise',
    () => {
      const name = fc.constantFrom('corpus.zip', 'scifact.zip', 'Data.ZIP');
      fuzzFiles(fc.tuple(name, zipArchive(FUZZ_LIMITS.maxUnzippedBytes)), 1500, ([n, bytes]) => [
        { name: n, bytes },
      ]);
    },
    TEST_MS,
  );

  it(
    `zip bombs against the default ${DEFAULT_ZIP_LIMITS.maxUnzippedBytes / MIB} MiB limit`,
    () => {
      const arb = bombs(DEFAULT_ZIP_LIMITS.maxUnzippedBytes);
      fuzzFiles(arb, 24, (bytes) => [{ name: 'bomb.zip', bytes }], DEFAULT_ZIP_LIMITS);
      const many = Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
        name: `f${i}.txt`,
      }));
      const files = [{ name: 'many.zip', bytes: zipOf(many) }];
      check((p) => loadCorpusFiles(files, p), namesInput(files), INFLATE_SLACK);
    },
    TEST_MS,
  );

  it(
    '4 MB lines in every format',
    () => {
      const big = 'a'.repeat(4 * MIB);
      const beirWith = (corpus: string, qrels = VALID.qrels) =>
        beir('', utf8(corpus), utf8(VALID.queries), utf8(qrels));
      const sets: InputFile[][] = [
        beirWith(`{"_id": "big", "text": "${big}"}\n` + VALID.corpus),
        beirWith('['.repeat(4 * MIB)),
        beirWith(`{"_id": "${big}", "text": "x"}\n{"_id": "${big}", "text": "y"}`),
        beirWith(VALID.corpus, `q1\t${big} d1 1\n`),
        [{ name: 'docs.csv', bytes: utf8(`id,text\nd1,${big}\n`) }],
        [{ name: 'docs.csv', bytes: utf8(`id,text\nd1,"${big}\n`) }],
        [{ name: 'docs.tsv', bytes: utf8('\t'.repeat(4 * MIB)) }],
        [{ name: 'notes.txt', bytes: utf8(`${big}\n${big}`) }],
        [
          {
            name: 'c.zip',
            bytes: zipOf([{ name: 'corpus.jsonl', content: utf8(`{"_id":"a","text":"${big}"}`) }]),
          },
        ],
      ];
      for (const files of sets) check((p) => loadCorpusFiles(files, p), namesInput(files));
      for (const text of [`\n${' '.repeat(4 * MIB)}x`, 'a\n'.repeat(2 * MIB), big])
        check(
          () => loadPastedText(text),
          (file) => file === 'pasted text',
        );
    },
    TEST_MS,
  );

  it('ran at least 10,000 cases and kept memory within bounds', () => {
    expect(cases).toBeGreaterThanOrEqual(10_000);
    gc();
    const now = memory();
    expect(now.heapUsed - baseline.heapUsed).toBeLessThan(MEMORY_BOUND);
    expect(now.arrayBuffers - baseline.arrayBuffers).toBeLessThan(MEMORY_BOUND);
  });
});
