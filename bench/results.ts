import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One benchmark row; every suite writes rows of this shape (metric names as in STANDARD_METRICS). */
export interface BenchRow {
  dataset: string;
  split: string;
  method: string;
  config: Record<string, unknown>;
  metrics: Record<string, number>;
  timing: Record<string, number>;
  backend: string;
  commit: string;
  date: string;
}

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'results');

export function currentCommit(): string {
  try {
    const sha = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    return dirty ? `${sha}+dirty` : sha;
  } catch {
    return 'unknown';
  }
}

/** Median and 95th percentile of a list of durations. */
export function percentiles(values: number[]): { p50: number; p95: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

const fmt = (v: unknown) =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : String(v);

/** A Markdown table of rows: dataset, method, each metric, then each timing field. */
export function markdownTable(rows: BenchRow[]): string {
  const metricKeys = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))];
  const timingKeys = [...new Set(rows.flatMap((r) => Object.keys(r.timing)))];
  const header = ['dataset', 'split', 'method', ...metricKeys, ...timingKeys];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const cells = [
      r.dataset,
      r.split,
      r.method,
      ...metricKeys.map((k) => fmt(r.metrics[k] ?? '')),
      ...timingKeys.map((k) => fmt(r.timing[k] ?? '')),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * Write `results/<name>.json` and `results/<name>.md` (the table plus `notes`). Rows of datasets
 * this run did not touch are kept, so one collection can be re-run without losing the others.
 */
export function writeResults(name: string, fresh: BenchRow[], notes: string[] = []): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = join(RESULTS_DIR, `${name}.json`);
  const md = join(RESULTS_DIR, `${name}.md`);
  const touched = new Set(fresh.map((r) => r.dataset));
  const kept = existsSync(json)
    ? (JSON.parse(readFileSync(json, 'utf8')) as BenchRow[]).filter((r) => !touched.has(r.dataset))
    : [];
  const rows = [...kept, ...fresh];
  writeFileSync(json, JSON.stringify(rows, null, 2) + '\n');
  const meta = rows[0]
    ? `Commit ${rows[0].commit}, ${rows[0].date}, backend ${rows[0].backend}.`
    : '';
  writeFileSync(md, [`# ${name}`, '', meta, '', markdownTable(rows), '', ...notes, ''].join('\n'));
  console.log(`wrote ${json} and ${md}`);
}
