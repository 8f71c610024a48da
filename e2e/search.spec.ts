import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { evaluateRun } from '../src/core/eval/metrics';
import { TABLE_METRICS } from '../src/core/eval/tableExport';
import { parseTrecRun } from '../src/core/eval/trecFiles';
import type { Qrels } from '../src/core/eval/types';
import { openApp, openFirstScreen, pasteCorpus } from './app';

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

test('a question typed before the app has rendered is kept, focused, and answered', async ({
  page,
}) => {
  const { errors, release, box } = await openFirstScreen(page);
  // the page's first screen: a query box with the focus, no app yet (its tabs are not there)
  await expect(box).toBeFocused();
  await box.pressSequentially('why is the surface of');
  await expect(page.getByRole('tab')).toHaveCount(0);
  release();
  // typing goes on across the moment the app replaces the first screen
  await box.pressSequentially(' venus so hot');
  await expect(page.getByRole('tab', { name: 'Search', exact: true })).toBeVisible();
  await expect(box).toHaveValue('why is the surface of venus so hot');
  await expect(box).toBeFocused();
  const results = page.getByRole('region', { name: 'BM25 results', exact: true });
  await expect(results.getByRole('listitem').first()).toContainText('Venus (planet)');
  await expect(page).toHaveURL(/[?&]q=why\+is\+the\+surface\+of\+venus\+so\+hot/);
  expect(errors).toEqual([]);
});

test("a link to another panel opens without the first screen's query box", async ({ page }) => {
  const { release, box } = await openFirstScreen(page, '/#corpus');
  await expect(page.getByRole('heading', { name: 'GenIR Playground' })).toBeVisible();
  await expect(box).toHaveCount(0);
  release();
  await expect(page.getByRole('tab', { name: 'Corpus', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

/** The built-in corpus's judged test questions, as its files hold them. */
function builtinTestQuestions(): Set<string> {
  const judged = new Set(
    readFileSync('public/corpora/genir-demo/qrels/test.tsv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[0]),
  );
  return new Set(
    readFileSync('public/corpora/genir-demo/queries.jsonl', 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { _id: string; text: string })
      .filter((q) => judged.has(q._id))
      .map((q) => q.text),
  );
}

test('Search says what generative retrieval is, offers test questions, and highlights only what BM25 matched', async ({
  page,
}) => {
  const errors = await openApp(page);
  await expect(page.getByText(/answers a question without looking words up/)).toBeVisible();
  const examples = page
    .getByRole('group', { name: 'Example questions', exact: true })
    .getByRole('button');
  await expect(examples).toHaveCount(4);
  const judged = builtinTestQuestions();
  const texts = await examples.allTextContents();
  for (const text of texts) expect(judged).toContain(text);
  expect(new Set(texts).size).toBe(4);

  // a click asks the question: the box holds it and both methods answer it
  await examples.nth(1).click();
  await expect(page.getByRole('textbox', { name: 'Query', exact: true })).toHaveValue(texts[1]);
  const bm25 = page.getByRole('region', { name: 'BM25 results', exact: true });
  const generative = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(bm25.getByRole('listitem')).toHaveCount(10);
  await expect(generative.getByRole('listitem')).toHaveCount(10, { timeout: 150_000 });
  // BM25 matched terms, so it marks them; the generative model matched none, so nothing is marked
  expect(await bm25.locator('mark').count()).toBeGreaterThan(0);
  await expect(generative.locator('.snippet')).toHaveCount(10);
  await expect(generative.locator('mark')).toHaveCount(0);
  await expect(generative.getByText(/it matches no words, so its snippets show/)).toBeVisible();

  // a corpus without queries offers no examples
  await pasteCorpus(page, 'Otters\nOtters hold hands.\n\nBeavers build dams.', 2);
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Query', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Example questions', exact: true })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the header says in plain words where the models run; the technical details open on demand', async ({
  page,
}) => {
  await openApp(page);
  const badge = page.getByRole('status', { name: 'Where the models run', exact: true });
  await expect(page.getByTestId('backend-name')).toHaveText(/^(webgpu|webgl|wasm|cpu)$/);
  const id = (await page.getByTestId('backend-name').textContent())!;
  const words: Record<string, RegExp> = {
    webgpu: /^Runs on: (your graphics card|the processor, imitating a graphics card) \(WebGPU\)/,
    webgl: /^Runs on: (your graphics card|the processor, imitating a graphics card) \(WebGL\)/,
    wasm: /^Runs on: the processor \(WebAssembly\)/,
    cpu: /^Runs on: the processor \(plain JavaScript\)/,
  };
  await expect(badge).toHaveText(words[id]);
  await expect(badge).not.toContainText('skipped');
  // why a backend was chosen, and how to force one, wait behind the disclosure
  const details = page.getByRole('group', { name: 'Engine details', exact: true });
  const hint = details.getByText(/^To choose one yourself, add \?backend=webgpu/);
  await expect(hint).toBeHidden();
  await details.getByText('Engine details', { exact: true }).click();
  await expect(hint).toBeVisible();
  await details.getByText('Engine details', { exact: true }).click();
  await expect(hint).toBeHidden();

  // on a phone the header keeps to two lines and the page does not get wider than the screen
  await page.setViewportSize({ width: 390, height: 844 });
  const header = page.getByRole('banner');
  const parts = [
    header.getByRole('heading', { name: 'GenIR Playground', exact: true }),
    page.getByLabel('Current corpus', { exact: true }),
    badge,
    details.getByText('Engine details', { exact: true }),
  ];
  const rows = new Set<number>();
  for (const part of parts) {
    const box = (await part.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    rows.add(Math.round(box.y + box.height / 2));
  }
  // items of one line share their vertical centre within a few pixels
  const centres = [...rows].sort((a, b) => a - b);
  const lines = centres.filter((c, i) => i === 0 || c - centres[i - 1] > 6);
  expect(lines.length).toBeLessThanOrEqual(2);
  const headerBox = (await header.boundingBox())!;
  expect(headerBox.height).toBeLessThan(110);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // the plain words stay on the phone, the backend's id too
  await expect(badge).toContainText('Runs on:');
  await expect(page.getByTestId('backend-name')).toBeVisible();
});

test('the Evaluate panel scores every method on the built-in test questions', async ({ page }) => {
  await openApp(page, '/#evaluate');
  // the panel first (its script comes on its own, after the corpus): before it is drawn there is
  // no note to wait for, and the dense checkpoint may still be loading
  const evaluateAll = page.getByRole('button', { name: 'Evaluate all methods', exact: true });
  await expect(evaluateAll).toBeVisible({ timeout: 60_000 });
  // the shipped generative and dense checkpoints take part once loaded
  await expect(page.getByText(/Not loaded yet/)).toHaveCount(0, { timeout: 60_000 });
  await evaluateAll.click();
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
