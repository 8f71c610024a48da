import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { evaluateRun } from '../src/core/eval/metrics';
import { TABLE_METRICS } from '../src/core/eval/tableExport';
import { parseTrecRun } from '../src/core/eval/trecFiles';
import type { Qrels } from '../src/core/eval/types';
import { openApp } from './app';

test('the opened page answers a typed question with BM25, query terms highlighted', async ({
  page,
}) => {
  const errors = await openApp(page);
  await expect(page.getByRole('tab', { name: 'Search', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page
    .getByRole('textbox', { name: 'Query', exact: true })
    .fill('why is the surface of venus so hot');
  const results = page.getByRole('region', { name: 'BM25 results', exact: true });
  await expect(results.getByRole('listitem').first()).toContainText('Venus (planet)');
  await expect(results.getByRole('listitem')).toHaveCount(10);
  await expect(results.getByRole('listitem').first().locator('mark').first()).toHaveText(/venus/i);
  expect(errors).toEqual([]);
});

test('the header names the backend in use, says why earlier ones were skipped, and ?backend= forces any one', async ({
  page,
}) => {
  await openApp(page);
  const order = ['webgpu', 'webgl', 'wasm', 'cpu'];
  const name = page.getByTestId('backend-name');
  await expect(name).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
  const chosen = (await name.textContent())!;
  // every backend tried before the chosen one is listed with its reason, whatever this machine has
  const details = page.getByRole('group', { name: 'Engine details', exact: true });
  await details.getByText('Engine details', { exact: true }).click();
  const skipped = details
    .getByRole('list', { name: 'Backends not used', exact: true })
    .getByRole('listitem');
  const expected = order.slice(0, order.indexOf(chosen));
  await expect(skipped).toHaveCount(expected.length);
  for (const [i, backend] of expected.entries()) {
    await expect(skipped.nth(i)).toHaveText(new RegExp(`^${backend}: \\S`));
  }
  for (const backend of order) {
    await page.goto(`/?backend=${backend}`);
    await expect(name).toHaveText(backend);
  }
});

test('the Evaluate panel scores every method on the built-in test questions', async ({ page }) => {
  await openApp(page, '/#evaluate');
  // the shipped generative and dense checkpoints take part once loaded
  await expect(page.getByText(/Not loaded yet/)).toHaveCount(0, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Evaluate all methods', exact: true }).click();
  const table = page.getByRole('table', { name: 'Metrics', exact: true });
  await expect(table).toBeVisible({ timeout: 120_000 });
  expect(await table.getByRole('rowheader').allTextContents()).toEqual([
    'Generative (DSI)',
    'Dense (dual encoder)',
    'BM25',
    'Fusion (RRF)',
    // the shipped dense model was trained with Matryoshka prefixes 16/32/64
    'Dense (dual encoder), first 16 dims',
    'Dense (dual encoder), first 32 dims',
  ]);
  const bm25 = await table
    .getByRole('row', { name: /^BM25 / })
    .getByRole('cell')
    .allTextContents();
  // Hits@1, Hits@10, MRR@10, nDCG@10, Recall@100, queries, memory, p50, p95
  const [hits1, hits10, mrr, ndcg, recall, queries] = bm25.map(Number);
  for (const v of [ndcg, recall, mrr, hits1, hits10]) expect(v).toBeGreaterThan(0.5);
  expect(hits1).toBeLessThanOrEqual(hits10);
  expect(mrr).toBeLessThanOrEqual(hits10);
  expect(queries).toBe(195);
  for (const name of [/^Generative/, /^Dense/, /^Fusion/]) {
    const cells = await table.getByRole('row', { name }).getByRole('cell').allTextContents();
    expect(Number(cells[1])).toBeGreaterThan(0.2); // Hits@10: far above chance (10/156)
    expect(cells[6]).toMatch(/B$/); // memory
  }
  await expect(
    page.getByText(/^test split: 195 queries with at least one relevant document\./),
  ).toBeVisible();

  // exports: the CSV holds the table's figures; each TREC run file, read back and scored against
  // the exported qrels by our trec_eval-style metrics, gives the table's figures again
  await page.getByText('Export', { exact: true }).click();
  const csv = Papa.parse<string[]>(
    await downloaded(page, 'Table (CSV)', 'genir-demo-test-metrics.csv'),
  ).data;
  expect(csv[0].slice(0, 6)).toEqual(['method', ...TABLE_METRICS]);
  expect(
    csv
      .find((r) => r[0] === 'BM25')!
      .slice(1, 6)
      .map(Number),
  ).toEqual([hits1, hits10, mrr, ndcg, recall]);
  const qrelsText = await downloaded(page, 'Qrels (TREC)', 'genir-demo-test.qrels');
  const qrels: Qrels = new Map();
  for (const line of qrelsText.trim().split('\n')) {
    const [q, , d, grade] = line.split(' ');
    qrels.set(q, (qrels.get(q) ?? new Map()).set(d, Number(grade)));
  }
  for (const [method, tag] of [
    ['BM25', 'BM25'],
    ['Generative (DSI)', 'Generative_DSI'],
  ]) {
    const run = parseTrecRun(
      await downloaded(page, `TREC run: ${method}`, `genir-demo-test-${tag}.run`),
    );
    expect(run.size).toBe(195);
    const { mean } = evaluateRun(qrels, run);
    const cells = await table
      .getByRole('row', { name: new RegExp(`^${method.replace(/[()]/g, '\\$&')} `) })
      .getByRole('cell')
      .allTextContents();
    expect(
      [mean['Hits@1'], mean['Hits@10'], mean['MRR@10'], mean['nDCG@10']].map((v) => v.toFixed(4)),
    ).toEqual(cells.slice(0, 4));
  }
});

/** Press an export button and return the downloaded file's text (checking its name). */
async function downloaded(page: Page, button: string, name: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await pending;
  expect(file.suggestedFilename()).toBe(name);
  return readFileSync(await file.path(), 'utf8');
}

test('tabs switch panels by click and arrow keys, and the hash remembers the panel', async ({
  page,
}) => {
  await openApp(page, '/#corpus');
  await expect(page.getByRole('tabpanel')).toContainText('Load a corpus');
  await page.getByRole('tab', { name: 'Corpus', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Index', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page).toHaveURL(/#index$/);
  for (const name of ['Inspect', 'Compare', 'Evaluate', 'Search']) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }
});
