import type { Qrels } from '../eval/types';
import { decodeUtf8 } from './decodeUtf8';
import { parseDelimitedDocs } from './delimited';
import { parseCorpusJsonl, parseQueriesJsonl } from './jsonl';
import { parsePastedText } from './pasted';
import { parseQrelsTsv } from './qrelsTsv';
import {
  fail,
  type Corpus,
  type InputFile,
  type LoadResult,
  type ProgressFn,
  type Query,
} from './types';
import { unzipFiles } from './zip';

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

  const qrels: Record<string, Qrels> = {};
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
    qrels[stem(file.name)] = parsed.value.qrels;
  }
  return { ok: true, value: { name, docs: docs.value, queries, qrels }, warnings };
}

/**
 * Turn what a person dropped or picked into a Corpus: a BEIR folder's files (corpus.jsonl,
 * queries.jsonl, qrels/*.tsv), a .zip of them, a CSV/TSV of documents, or a lone .jsonl / .txt.
 */
export function loadCorpusFiles(files: InputFile[], onProgress?: ProgressFn): LoadResult {
  if (files.length === 0) return fail('no files were given');
  const zips = files.filter((f) => f.name.toLowerCase().endsWith('.zip'));
  if (zips.length > 1) return fail('drop one .zip archive at a time');
  if (zips.length === 1) {
    onProgress?.(0, `Unzipping ${zips[0].name}`);
    const inner = unzipFiles(zips[0]);
    if (!inner.ok) return inner;
    const result = loadCorpusFiles(inner.value, onProgress);
    if (result.ok && result.value.name === 'corpus') result.value.name = stem(zips[0].name);
    return result;
  }

  const corpusFile = files.find((f) => baseName(f.name).toLowerCase() === 'corpus.jsonl');
  if (corpusFile)
    return loadBeir(files, corpusFile, collectionName(corpusFile.name, 'corpus'), onProgress);

  if (files.length === 1) {
    const file = files[0];
    const lower = file.name.toLowerCase();
    const text = decodeUtf8(file.bytes, file.name);
    if (!text.ok) return text;
    const asCorpus = (docs: ReturnType<typeof parsePastedText>): LoadResult =>
      docs.ok
        ? {
            ok: true,
            value: { name: stem(file.name), docs: docs.value, queries: [], qrels: {} },
            warnings: docs.warnings,
          }
        : docs;
    if (lower.endsWith('.csv') || lower.endsWith('.tsv'))
      return asCorpus(parseDelimitedDocs(text.value, file.name));
    if (lower.endsWith('.jsonl')) return asCorpus(parseCorpusJsonl(text.value, file.name));
    if (lower.endsWith('.txt')) {
      const docs = parsePastedText(text.value);
      return asCorpus(docs.ok ? docs : fail('the file is empty', file.name));
    }
  }
  const names = files.map((f) => f.name).join(', ');
  return fail(
    `no corpus found in ${names}: give a BEIR folder (corpus.jsonl, queries.jsonl, qrels/*.tsv), a .zip of one, or a .csv/.tsv/.jsonl/.txt file`,
  );
}

/** Pasted text as a corpus named "pasted". */
export function loadPastedText(text: string): LoadResult {
  const docs = parsePastedText(text);
  if (!docs.ok) return docs;
  const corpus: Corpus = { name: 'pasted', docs: docs.value, queries: [], qrels: {} };
  return { ok: true, value: corpus, warnings: [] };
}
