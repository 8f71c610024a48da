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
export function syntheticCorpus(docs: number, bytesPerDoc: number): Buffer {
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
 * long tasks (> 50 ms, PerformanceObserver 'longtask') show whether the page froze. loadMs is
 * the page's clock, from the file input's change event to the header naming the new corpus;
 * driverSeenMs the benchmark driver's, from setInputFiles to Playwright seeing that header.
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
  const label = `${docs.toLocaleString('en-US')} docs`;
  await page.evaluate((label) => {
    const w = window as unknown as {
      __longTasks: number[];
      __load: { start?: number; end?: number };
    };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    // the page's own clock: the file input's change event → the header naming the new corpus
    w.__load = {};
    document.addEventListener(
      'change',
      (e) => {
        const input = e.target as HTMLElement;
        if (input.getAttribute('aria-label') === 'Choose corpus files') {
          w.__load.start = performance.now();
        }
      },
      true,
    );
    new MutationObserver(() => {
      const header = document.querySelector('[aria-label="Current corpus"]');
      if (w.__load.start !== undefined && !w.__load.end && header?.textContent?.includes(label)) {
        w.__load.end = performance.now();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, label);
  // a path, not a buffer: Chromium reads the file itself instead of receiving 50 MB over CDP
  const dir = mkdtempSync(join(tmpdir(), 'genir-bench-'));
  writeFileSync(join(dir, 'corpus.jsonl'), corpus);
  const t0 = Date.now();
  await page.getByLabel('Choose corpus files').setInputFiles(join(dir, 'corpus.jsonl'));
  await page.getByLabel('Current corpus').filter({ hasText: label }).waitFor({ timeout: 300_000 });
  const driverSeenMs = Date.now() - t0;
  const { longTasks, load } = await page.evaluate(() => {
    const w = window as unknown as {
      __longTasks: number[];
      __load: { start: number; end: number };
    };
    return { longTasks: w.__longTasks, load: w.__load };
  });
  await page.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    dataset: `synthetic-${docs}`,
    split: '-',
    method: 'corpus load (page)',
    config: { docs, bytes: corpus.length },
    metrics: {},
    timing: {
      loadMs: Math.round(load.end - load.start),
      driverSeenMs,
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
