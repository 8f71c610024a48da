import Papa from 'papaparse';
import type { MethodScore } from './methodComparison';

/** The Evaluate table's columns after the method name. */
export const TABLE_METRICS = ['Hits@1', 'Hits@10', 'MRR@10', 'nDCG@10', 'Recall@100'] as const;

function tableRows(scores: readonly MethodScore[]): (string | number)[][] {
  return scores.map((s) => [
    s.name,
    ...TABLE_METRICS.map((m) => Number(s.mean[m].toFixed(4))),
    s.evaluatedQueries,
    s.bytes,
    Number(s.latencyMs.p50.toFixed(3)),
    Number(s.latencyMs.p95.toFixed(3)),
  ]);
}
const HEADER = ['method', ...TABLE_METRICS, 'queries', 'memoryBytes', 'msP50', 'msP95'];

/** The Evaluate table as CSV (metrics to four decimals, as the page shows them). */
export function scoresToCsv(scores: readonly MethodScore[]): string {
  return Papa.unparse([HEADER, ...tableRows(scores)]) + '\n';
}

/** The Evaluate table as a Markdown table, with the split it was measured on above it. */
export function scoresToMarkdown(scores: readonly MethodScore[], caption: string): string {
  const cell = (v: string | number) => String(v).replace(/\|/g, '\\|');
  const lines = [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...tableRows(scores).map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
  return `${caption}\n\n${lines.join('\n')}\n`;
}

/** Every metric of every method on every evaluated query, one row per (query, method). */
export function perQueryCsv(
  scores: readonly MethodScore[],
  queries: readonly { id: string; text: string }[],
): string {
  const rows: (string | number)[][] = [['queryId', 'query', 'method', ...TABLE_METRICS]];
  for (const q of queries)
    for (const s of scores) {
      const values = s.perQuery.get(q.id);
      if (values) rows.push([q.id, q.text, s.name, ...TABLE_METRICS.map((m) => values[m])]);
    }
  return Papa.unparse(rows) + '\n';
}
