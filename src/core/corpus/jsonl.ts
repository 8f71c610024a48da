import { fail, quoted, type Doc, type Parsed, type ProgressFn, type Query } from './types';

/** One JSON object per non-blank line; a bad line stops the parse with its line number. */
function parseJsonlObjects(
  text: string,
  file: string,
  onProgress?: ProgressFn,
): Parsed<{ line: number; obj: Record<string, unknown> }[]> {
  if (text.trim() === '') return fail('the file is empty', file);
  const lines = text.split('\n');
  const out: { line: number; obj: Record<string, unknown> }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (e) {
      return fail(`not valid JSON (${(e as Error).message})`, file, i + 1);
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      return fail('each line must be a JSON object like {"_id": …, "text": …}', file, i + 1);
    }
    out.push({ line: i + 1, obj: obj as Record<string, unknown> });
    if (onProgress && i % 5000 === 4999) onProgress(i / lines.length, `Parsing ${file}`);
  }
  return { ok: true, value: out, warnings: [] };
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Why a line's id is unusable, for the message. */
function idProblem(value: unknown): string {
  if (value === undefined || value === null) return 'missing field "_id" (a non-empty string)';
  const kind = Array.isArray(value)
    ? 'an array'
    : typeof value === 'string'
      ? 'a blank string'
      : typeof value === 'number'
        ? 'an infinite number'
        : typeof value === 'object'
          ? 'an object'
          : `a ${typeof value}`;
  return `"_id" must be a non-empty string or a number, not ${kind}`;
}

/** Read a field that must be a string when present. */
function stringField(obj: Record<string, unknown>, key: string): string | null | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : null;
}

/** BEIR `corpus.jsonl`: `{"_id", "title"?, "text"}` per line; ids unique. */
export function parseCorpusJsonl(
  text: string,
  file: string,
  onProgress?: ProgressFn,
): Parsed<Doc[]> {
  const objects = parseJsonlObjects(text, file, onProgress);
  if (!objects.ok) return objects;
  const docs: Doc[] = [];
  const firstLine = new Map<string, number>();
  let emptySkipped = 0;
  for (const { line, obj } of objects.value) {
    const id = idOf(obj._id ?? obj.id);
    if (id === null) return fail(idProblem(obj._id ?? obj.id), file, line);
    const body = stringField(obj, 'text');
    if (body === undefined) return fail(`document ${quoted(id)} has no "text" field`, file, line);
    const title = stringField(obj, 'title');
    if (body === null || title === null) {
      return fail(`document ${quoted(id)}: "title" and "text" must be strings`, file, line);
    }
    const seen = firstLine.get(id);
    if (seen !== undefined)
      return fail(`duplicate document id ${quoted(id)} (first on line ${seen})`, file, line);
    firstLine.set(id, line);
    if (body.trim() === '' && (title ?? '').trim() === '') {
      emptySkipped++;
      continue;
    }
    docs.push({ id, title: title ?? '', text: body });
  }
  const warnings = emptySkipped
    ? [`${file}: skipped ${emptySkipped} documents with no title and no text`]
    : [];
  return { ok: true, value: docs, warnings };
}

/** BEIR `queries.jsonl`: `{"_id", "text"}` per line; ids unique. */
export function parseQueriesJsonl(text: string, file: string): Parsed<Query[]> {
  const objects = parseJsonlObjects(text, file);
  if (!objects.ok) return objects;
  const queries: Query[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, obj } of objects.value) {
    const id = idOf(obj._id ?? obj.id);
    if (id === null) return fail(idProblem(obj._id ?? obj.id), file, line);
    const body = stringField(obj, 'text');
    if (body === undefined || body === null || body.trim() === '') {
      return fail(`query ${quoted(id)} has no "text" string`, file, line);
    }
    const seen = firstLine.get(id);
    if (seen !== undefined)
      return fail(`duplicate query id ${quoted(id)} (first on line ${seen})`, file, line);
    firstLine.set(id, line);
    queries.push({ id, text: body });
  }
  return { ok: true, value: queries, warnings: [] };
}
