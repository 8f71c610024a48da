import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentiles, currentCommit, type BenchRow } from './results';
import type { PageSession } from './browser';

const WORDS =
  `the of river mountain protein cell energy planet orbit signal network memory history music
  theory ocean climate volcano species gene enzyme reaction galaxy star light pressure temperature
  language algorithm index query document retrieval model training vector matrix neural`.split(
    /\s+/,
  );

/** A synthetic BEIR corpus.jsonl of `docs` documents of about `bytesPerDoc` bytes each. */
function syntheticCorpus(docs: number, bytesPerDoc: number): Buffer {
  let seed = 42;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const lines: string[] = [];
  for (let i = 0; i < docs; i++) {
    const words: string[] = [];
    let length = 0;
    while (length < bytesPerDoc - 60) {
      const w =
        WORDS[Math.floor(rand() * WORDS.length)] +
        (rand() < 0.3 ? String(Math.floor(rand() * 500)) : '');
      words.push(w);
      length += w.length + 1;
    }
    lines.push(JSON.stringify({ _id: `s${i}`, title: `Synthetic ${i}`, text: words.join(' ') }));
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/**
 * Load a 50k-document, ~50 MB corpus through the page's file picker and watch the main thread:
 * long tasks (> 50 ms, PerformanceObserver 'longtask') show whether the page froze.
 */
export async function benchCorpusLoad(
  session: PageSession,
  docs = 50_000,
  bytesPerDoc = 1000,
): Promise<BenchRow> {
  const corpus = syntheticCorpus(docs, bytesPerDoc);
  const page = await session.newPage();
  await page.goto(`${session.url}#corpus`);
  await page.getByLabel('Current corpus').filter({ hasText: 'built-in' }).waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  // a path, not a buffer: Chromium reads the file itself instead of receiving 50 MB over CDP
  const dir = mkdtempSync(join(tmpdir(), 'genir-bench-'));
  writeFileSync(join(dir, 'corpus.jsonl'), corpus);
  const t0 = Date.now();
  await page.getByLabel('Choose corpus files').setInputFiles(join(dir, 'corpus.jsonl'));
  await page
    .getByLabel('Current corpus')
    .filter({ hasText: `${docs.toLocaleString('en-US')} docs` })
    .waitFor({ timeout: 300_000 });
  const totalMs = Date.now() - t0;
  const longTasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  );
  await page.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    dataset: `synthetic-${docs}`,
    split: '-',
    method: 'corpus load (page)',
    config: { docs, bytes: corpus.length },
    metrics: {},
    timing: {
      loadMs: totalMs,
      longTasks: longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      longTaskP95Ms: Math.round(percentiles(longTasks).p95),
      megabytes: Number((corpus.length / 1e6).toFixed(1)),
    },
    backend: 'headless Chromium (main thread)',
    commit: currentCommit(),
    date: new Date().toISOString(),
  };
}
