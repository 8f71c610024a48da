import Papa from 'papaparse';
import { fail, quoted, visible, type Doc, type Parsed } from './types';

const ID_COLUMNS = ['id', '_id', 'doc_id', 'docid'];
const TEXT_COLUMNS = ['text', 'body', 'contents', 'abstract'];
const TITLE_COLUMNS = ['title'];

/**
 * A CSV or TSV with a header row naming an id column and a text column (title optional).
 * Column names are matched case-insensitively; ids must be unique.
 */
export function parseDelimitedDocs(text: string, file: string): Parsed<Doc[]> {
  if (text.trim() === '') return fail('the file is empty', file);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: file.toLowerCase().endsWith('.tsv') ? '\t' : '',
    skipEmptyLines: 'greedy',
  });
  const rows = parsed.data;
  const badQuote = parsed.errors.find((e) => e.type === 'Quotes');
  if (badQuote)
    return fail(`unbalanced quotes (${badQuote.message})`, file, (badQuote.row ?? 0) + 1);
  // greedy skipping drops rows like ",,," too, so non-blank text can still leave no rows
  if (rows.length === 0) return fail('no header row: the file holds only empty fields', file);
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  const idCol = find(ID_COLUMNS);
  const textCol = find(TEXT_COLUMNS);
  const titleCol = find(TITLE_COLUMNS);
  if (idCol < 0 || textCol < 0) {
    const missing = [idCol < 0 ? '"id"' : '', textCol < 0 ? '"text"' : '']
      .filter(Boolean)
      .join(' and ');
    return fail(
      `needs a header row with columns id, title (optional) and text; missing ${missing} (found: ${visible(header.join(', '), 120) || 'nothing'})`,
      file,
      1,
    );
  }
  const docs: Doc[] = [];
  const firstRow = new Map<string, number>();
  let emptySkipped = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const id = (row[idCol] ?? '').trim();
    const body = row[textCol] ?? '';
    const title = titleCol >= 0 ? (row[titleCol] ?? '') : '';
    if (id === '') return fail('row has an empty id', file, r + 1);
    const seen = firstRow.get(id);
    if (seen !== undefined)
      return fail(`duplicate document id ${quoted(id)} (first on row ${seen})`, file, r + 1);
    firstRow.set(id, r + 1);
    if (body.trim() === '' && title.trim() === '') {
      emptySkipped++;
      continue;
    }
    docs.push({ id, title, text: body });
  }
  if (docs.length === 0) return fail('no documents below the header row', file);
  const warnings = emptySkipped
    ? [`${file}: skipped ${emptySkipped} rows with no title and no text`]
    : [];
  return { ok: true, value: docs, warnings };
}
