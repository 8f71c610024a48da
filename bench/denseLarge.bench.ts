import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PageSession } from './browser';
import { syntheticCorpus } from './corpusLoad.bench';
import { currentCommit, type BenchRow } from './results';

/**
 * Train the dense retriever on a 50,000-document corpus in the page (Index panel, the Tiny
 * preset, `epochs` epochs) and watch the main thread from the press of "Train dense retriever"
 * to Done: training, the held-out evaluations and the encoding of every document run in the
 * engine's worker; long tasks (> 50 ms, PerformanceObserver 'longtask') show whether the page
 * froze meanwhile. The corpus is loaded first through the file picker (not counted here: the
 * page suite's corpus-load row measures it).
 */
export async function benchDenseLarge(
  session: PageSession,
  docs = 50_000,
  epochs = 1,
): Promise<BenchRow> {
  const page = await session.newPage();
  const dir = mkdtempSync(join(tmpdir(), 'genir-bench-'));
  try {
    await page.goto(`${session.url}#corpus`);
    await page.getByLabel('Current corpus').filter({ hasText: 'built-in' }).waitFor();
    writeFileSync(join(dir, 'corpus.jsonl'), syntheticCorpus(docs, 1000));
    await page.getByLabel('Choose corpus files').setInputFiles(join(dir, 'corpus.jsonl'));
    await page
      .getByLabel('Current corpus')
      .filter({ hasText: `${docs.toLocaleString('en-US')} docs` })
      .waitFor({ timeout: 300_000 });
    await page.getByRole('tab', { name: 'Index', exact: true }).click();
    await page.getByRole('radio', { name: 'Dense (dual encoder)', exact: true }).check();
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
    await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
    // let the clicks' own work settle, then count from the press on
    await page.waitForTimeout(2000);
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Train dense retriever', exact: true }).click();
    await page
      .getByRole('status', { name: 'Training status', exact: true })
      .filter({ hasText: /^Done/ })
      .waitFor({ timeout: 30 * 60_000 });
    const wallSeconds = Math.round((Date.now() - t0) / 1000);
    await page.waitForTimeout(1000);
    const longTasks = await page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks,
    );
    return {
      dataset: `synthetic-${docs}`,
      split: '-',
      method: `dense retriever trained and every document encoded in the page (Tiny preset, ${epochs} epoch${epochs === 1 ? '' : 's'})`,
      config: { docs, epochs, preset: 'Tiny (fast demo)' },
      metrics: {},
      timing: {
        wallSeconds,
        longTasks: longTasks.length,
        longestTaskMs: Math.round(Math.max(0, ...longTasks)),
        longTasksOver100Ms: longTasks.filter((d) => d > 100).length,
      },
      backend: 'headless Chromium (main thread)',
      commit: currentCommit(),
      date: new Date().toISOString(),
    };
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
