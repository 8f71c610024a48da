import type { Qrels } from '../eval/types';

export interface Doc {
  id: string;
  title: string;
  text: string;
}

export interface Query {
  id: string;
  text: string;
}

/** A test collection in BEIR's shape: documents, queries, and qrels per split (train/test/dev…). */
export interface Corpus {
  name: string;
  docs: Doc[];
  queries: Query[];
  qrels: Record<string, Qrels>;
}

/** A file as the loaders see it: its path (folders kept, e.g. `scifact/qrels/test.tsv`) and bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** Bad input, as a value the page can show. `line` is 1-based when the problem has one. */
export interface LoadError {
  ok: false;
  error: string;
  file?: string;
  line?: number;
}

export type Parsed<T> = { ok: true; value: T; warnings: string[] } | LoadError;

export type LoadResult = Parsed<Corpus>;

/** Reports parsing progress as a fraction in [0, 1] with a short label. */
export type ProgressFn = (fraction: number, label: string) => void;

export function fail(error: string, file?: string, line?: number): LoadError {
  return { ok: false, error, file, line };
}

/** A value from the input as a message shows it: clipped, with control characters made visible. */
export function visible(value: string, max = 80): string {
  const clipped = value.length > max ? `${value.slice(0, max)}…` : value;
  return clipped.replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** `visible(value)` in double quotes. */
export const quoted = (value: string, max = 80): string => `"${visible(value, max)}"`;

/** "512 MB", "2 MB", "900 KB" for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  return n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

/** "corpus.jsonl, line 12: …" — the message a person reads. */
export function describeLoadError(e: LoadError): string {
  const where = [e.file, e.line !== undefined ? `line ${e.line}` : undefined].filter(Boolean);
  return where.length ? `${where.join(', ')}: ${e.error}` : e.error;
}
