import { expect, test } from '@playwright/test';
import { openApp } from './app';

test('the opened page answers a typed question with BM25, query terms highlighted', async ({
  page,
}) => {
  const errors = await openApp(page);
  await expect(page.getByRole('tab', { name: 'Search' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('textbox', { name: 'Query' }).fill('why is the surface of venus so hot');
  const results = page.getByRole('region', { name: 'BM25 results' });
  await expect(results.getByRole('listitem').first()).toContainText('Venus (planet)');
  await expect(results.getByRole('listitem')).toHaveCount(10);
  await expect(results.getByRole('listitem').first().locator('mark').first()).toHaveText(/venus/i);
  // README screenshot, made by the suite itself
  await page.screenshot({ path: 'docs/screenshots/search.png' });
  expect(errors).toEqual([]);
});

test('the header names the TF.js backend: GPU first unless it is a software renderer, any one on request', async ({
  page,
}) => {
  await openApp(page);
  // this machine has no GPU: WebGPU and WebGL run on SwiftShader, so wasm is chosen and the reason shown
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
  await expect(page.getByRole('status', { name: 'TF.js backend' })).toContainText(
    'webgpu skipped: SwiftShader software renderer',
  );
  for (const backend of ['webgpu', 'webgl', 'cpu']) {
    await page.goto(`/?backend=${backend}`);
    await expect(page.getByTestId('backend-name')).toHaveText(backend);
  }
});

test('the Evaluate panel scores every method on the built-in test questions', async ({ page }) => {
  await openApp(page, '/#evaluate');
  // the shipped generative and dense checkpoints take part once loaded
  await expect(page.getByText(/Not loaded yet/)).toHaveCount(0, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Evaluate all methods' }).click();
  const table = page.getByRole('table', { name: 'Metrics' });
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
  const bm25 = await table.getByRole('row', { name: /^BM25/ }).getByRole('cell').allTextContents();
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
  await expect(page.getByText('195 queries with at least one relevant document')).toBeVisible();
});

test('tabs switch panels by click and arrow keys, and the hash remembers the panel', async ({
  page,
}) => {
  await openApp(page, '/#corpus');
  await expect(page.getByRole('tabpanel')).toContainText('Load a corpus');
  await page.getByRole('tab', { name: 'Corpus' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Index' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#index$/);
  for (const name of ['Inspect', 'Compare', 'Evaluate', 'Search']) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }
});
