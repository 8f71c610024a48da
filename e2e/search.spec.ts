import { expect, test } from '@playwright/test';
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
});

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
