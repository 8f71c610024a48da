import type { Qrels } from '../eval/types';
import { decodeUtf8 } from './decodeUtf8';
import { parseDelimitedDocs } from './delimited';
import { parseCorpusJsonl, parseQueriesJsonl } from './jsonl';
import { parsePastedText } from './pasted';
import { parseQrelsTsv } from './qrelsTsv';
import {
  fail,
  visible,
  type Corpus,
  type Doc,
  type InputFile,
  type LoadResult,
  type Parsed,
  type ProgressFn,
  type Query,
} from './types';
import { DEFAULT_ZIP_LIMITS, unzipFiles, type ZipLimits } from './zip';

const baseName = (path: string) => path.split('/').pop() ?? path;
const stem = (path: string) => baseName(path).replace(/\.[^.]+$/, '');

/** The folder a BEIR collection sits in (`scifact/corpus.jsonl` → `scifact`), else the file's stem. */
function collectionName(corpusPath: string, fallback: string): string {
  const parts = corpusPath.split('/');
  return parts.length > 1 ? parts[parts.length - 2] : fallback;
}

function loadBeir(
  files: InputFile[],
  corpusFile: InputFile,
  name: string,
  onProgress?: ProgressFn,
): LoadResult {
  const warnings: string[] = [];
  const corpusText = decodeUtf8(corpusFile.bytes, corpusFile.name);
  if (!corpusText.ok) return corpusText;
  onProgress?.(0.05, `Parsing ${corpusFile.name}`);
  const docs = parseCorpusJsonl(corpusText.value, corpusFile.name, (f, label) =>
    onProgress?.(0.05 + 0.75 * f, label),
  );
  if (!docs.ok) return docs;
  if (docs.value.length === 0) return fail('no documents found', corpusFile.name);
  warnings.push(...docs.warnings);

  let queries: Query[] = [];
  const queriesFile = files.find((f) => baseName(f.name).toLowerCase() === 'queries.jsonl');
  if (queriesFile) {
    onProgress?.(0.8, `Parsing ${queriesFile.name}`);
    const text = decodeUtf8(queriesFile.bytes, queriesFile.name);
    if (!text.ok) return text;
    const parsed = parseQueriesJsonl(text.value, queriesFile.name);
    if (!parsed.ok) return parsed;
    queries = parsed.value;
  }

  const splits: [string, Qrels][] = [];
  // BEIR keeps qrels in qrels/<split>.tsv; picked without their folder they are still the only .tsv files
  const qrelsFiles = files.filter((f) => f.name.toLowerCase().endsWith('.tsv'));
  if (qrelsFiles.length > 0 && !queriesFile) {
    return fail('qrels need queries: add queries.jsonl beside corpus.jsonl', qrelsFiles[0].name);
  }
  const docIds = new Set(docs.value.map((d) => d.id));
  const queryIds = new Set(queries.map((q) => q.id));
  for (const file of qrelsFiles) {
    onProgress?.(0.9, `Parsing ${file.name}`);
    const text = decodeUtf8(file.bytes, file.name);
    if (!text.ok) return text;
    const parsed = parseQrelsTsv(text.value, file.name, docIds, queryIds);
    if (!parsed.ok) return parsed;
    warnings.push(...parsed.warnings);
    const split = stem(file.name);
    if (splits.some(([s]) => s === split)) {
      return fail(`a second qrels file for the "${split}" split; keep one per split`, file.name);
    }
    splits.push([split, parsed.value.qrels]);
  }
  // fromEntries defines own properties, so a split named "__proto__" stays a plain key
  const qrels: Record<string, Qrels> = Object.fromEntries(splits);
  return { ok: true, value: { name, docs: docs.value, queries, qrels }, warnings };
}

/** Files already out of any archive: a BEIR folder's files or one document file. */
function loadUnpacked(files: InputFile[], onProgress?: ProgressFn): LoadResult {
  const corpusFile = files.find((f) => baseName(f.name).toLowerCase() === 'corpus.jsonl');
  if (corpusFile)
    return loadBeir(files, corpusFile, collectionName(corpusFile.name, 'corpus'), onProgress);

  if (files.length === 1) {
    const file = files[0];
    const lower = file.name.toLowerCase();
    const asCorpus = (docs: Parsed<Doc[]>): LoadResult => {
      if (!docs.ok) return docs;
      if (docs.value.length === 0) return fail('no documents found', file.name);
      const value = { name: stem(file.name), docs: docs.value, queries: [], qrels: {} };
      return { ok: true, value, warnings: docs.warnings };
    };
    const isText = ['.csv', '.tsv', '.jsonl', '.txt'].some((ext) => lower.endsWith(ext));
    const text = isText ? decodeUtf8(file.bytes, file.name) : null;
    if (text && !text.ok) return text;
    if (text && (lower.endsWith('.csv') || lower.endsWith('.tsv')))
      return asCorpus(parseDelimitedDocs(text.value, file.name));
    if (text && lower.endsWith('.jsonl')) return asCorpus(parseCorpusJsonl(text.value, file.name));
    if (text) {
      const docs = parsePastedText(text.value);
      return asCorpus(docs.ok ? docs : fail('the file is empty', file.name));
    }
  }
  // one file is named by the message's "file"; several are listed in it
  const among =
    files.length > 1 ? ` among ${visible(files.map((f) => f.name).join(', '), 200)}` : '';
  return fail(
    `no corpus found${among}: give a BEIR folder (corpus.jsonl, queries.jsonl, qrels/*.tsv), a .zip of one, or a .csv/.tsv/.jsonl/.txt file`,
    files[0].name,
  );
}

/**
 * Turn what a person dropped or picked into a Corpus: a BEIR folder's files (corpus.jsonl,
 * queries.jsonl, qrels/*.tsv), a .zip of them, a CSV/TSV of documents, or a lone .jsonl / .txt.
 * `zipLimits` bounds what a .zip may unpack to.
 */
export function loadCorpusFiles(
  files: InputFile[],
  onProgress?: ProgressFn,
  zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS,
): LoadResult {
  if (files.length === 0) return fail('no files were given');
  const zips = files.filter((f) => f.name.toLowerCase().endsWith('.zip'));
  if (zips.length > 1) return fail('drop one .zip archive at a time', zips[1].name);
  if (zips.length === 0) return loadUnpacked(files, onProgress);
  onProgress?.(0, `Unzipping ${zips[0].name}`);
  const inner = unzipFiles(zips[0], zipLimits);
  if (!inner.ok) return inner;
  const result = loadUnpacked(inner.value, onProgress);
  if (result.ok && result.value.name === 'corpus') result.value.name = stem(zips[0].name);
  return result;
}

/** Pasted text as a corpus named "pasted". */
export function loadPastedText(text: string): LoadResult {
  const docs = parsePastedText(text);
  if (!docs.ok) return docs;
  const corpus: Corpus = { name: 'pasted', docs: docs.value, queries: [], qrels: {} };
  return { ok: true, value: corpus, warnings: [] };
}
