import type { Qrels } from '../eval/types';
import { fail, quoted, type Parsed } from './types';

export interface QrelsParseResult {
  qrels: Qrels;
  /** judged pairs kept */
  pairs: number;
}

/**
 * BEIR `qrels/<split>.tsv` (`query-id corpus-id score`, header optional) or TREC qrels
 * (`qid 0 docid grade`). Judgments naming unknown queries or documents are counted and skipped.
 */
export function parseQrelsTsv(
  text: string,
  file: string,
  knownDocs: ReadonlySet<string>,
  knownQueries: ReadonlySet<string> | null,
): Parsed<QrelsParseResult> {
  if (text.trim() === '') return fail('the file is empty', file);
  const qrels: Qrels = new Map();
  let pairs = 0;
  let unknownDocs = 0;
  let unknownQueries = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    const cols = raw.split(/\t| +/);
    if (i === 0 && /^query[-_]?id$/i.test(cols[0])) continue;
    if (cols.length !== 3 && cols.length !== 4) {
      return fail(
        `expected 3 tab-separated columns (query-id, corpus-id, score), found ${cols.length}`,
        file,
        i + 1,
      );
    }
    const [queryId, docId, grade] = cols.length === 3 ? cols : [cols[0], cols[2], cols[3]];
    const score = Number(grade);
    if (!Number.isInteger(score))
      return fail(`score ${quoted(grade)} is not an integer`, file, i + 1);
    if (!knownDocs.has(docId)) {
      unknownDocs++;
      continue;
    }
    if (knownQueries && !knownQueries.has(queryId)) {
      unknownQueries++;
      continue;
    }
    let judged = qrels.get(queryId);
    if (!judged) qrels.set(queryId, (judged = new Map()));
    if (!judged.has(docId)) pairs++;
    judged.set(docId, score);
  }
  const warnings: string[] = [];
  if (unknownDocs + unknownQueries > 0) {
    const parts = [
      unknownDocs ? `${unknownDocs} naming unknown documents` : '',
      unknownQueries ? `${unknownQueries} naming unknown queries` : '',
    ].filter(Boolean);
    warnings.push(
      `${file}: skipped ${unknownDocs + unknownQueries} judgments (${parts.join(', ')})`,
    );
  }
  return { ok: true, value: { qrels, pairs }, warnings };
}
