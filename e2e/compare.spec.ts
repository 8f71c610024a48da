import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { builtinTestQuestion, openApp } from './app';

const testQuestion = builtinTestQuestion(3);

test('a test question in Compare shows the three methods, their fusion and the map, each labelled; a selection shows everywhere', async ({
  page,
}) => {
  const errors = await openApp(page, '/#compare');
  const panel = page.getByRole('region', { name: 'Compare methods', exact: true });
  await panel
    .getByRole('combobox', { name: 'Test question', exact: true })
    .selectOption(testQuestion);
  await expect(panel.getByRole('textbox', { name: 'Query', exact: true })).toHaveValue(
    testQuestion,
  );

  const columns = ['Generative (DSI)', 'Dense (dual encoder)', 'BM25', 'Fusion (RRF)'].map((name) =>
    panel.getByRole('region', { name }),
  );
  for (const column of columns) {
    await expect(column.getByRole('listitem').first()).toBeVisible({ timeout: 150_000 });
  }
  // the heading names the four columns, and each column says what its numbers are
  await expect(
    panel.getByRole('heading', {
      name: 'Compare: generative · dense · BM25 · fusion',
      exact: true,
    }),
  ).toBeVisible();
  const scoreLabels = [
    /^score = log-probability of the docid/,
    /^score = cosine similarity/,
    /^score = BM25 score/,
    /^score = RRF score/,
  ];
  for (const [i, column] of columns.entries()) {
    await expect(column.getByTestId('score-label')).toHaveText(scoreLabels[i]);
  }

  // the question is judged: its relevant document is marked somewhere
  await expect(panel.getByText(/^This is a judged question: /)).toBeVisible();
  await expect(panel.getByText('✓ relevant', { exact: true }).first()).toBeVisible();

  const map = panel.getByRole('img', { name: /^Map of 156 document embeddings \(PCA, / });
  await expect(map).toBeVisible();
  await expect(map.getByTestId('map-query')).toHaveCount(1);
  await expect(map.locator('[data-method="dense"]')).toHaveCount(10);
  // a visible caption says what the map projects and how much it keeps, and the axes are named
  const caption = panel.getByTestId('map-caption');
  await expect(caption).toContainText('first two principal components (PCA)');
  await expect(caption).toContainText(/PC 1.* across, PC 2.* up/);
  const kept = (await caption.textContent())!.match(/keep (\d+) % of/)![1];
  // the same share as the figure's description, which the page computes from the map's data
  expect(await map.getAttribute('aria-label')).toContain(`PCA, ${kept}% of the variance`);
  const axes = map.getByTestId('map-axes');
  await expect(axes.getByText(/^PC 1 \([\d.]+ % of the variance\)$/)).toHaveCount(1);
  await expect(axes.getByText(/^PC 2 \([\d.]+ % of the variance\)$/)).toHaveCount(1);
  const axisShares = (await axes.locator('text').allTextContents()).map((t) =>
    Number(t.match(/\(([\d.]+) %/)![1]),
  );
  expect(Math.abs(axisShares[0] + axisShares[1] - Number(kept))).toBeLessThanOrEqual(0.6);
  expect(axisShares[0]).toBeGreaterThanOrEqual(axisShares[1]);
  // the shipped model's docids are atomic: no clusters to colour, and the legend says so
  await expect(panel.getByLabel('Map legend', { exact: true })).toContainText(
    'grey dots: documents (with semantic docids, colours show their clusters)',
  );

  // select BM25's first result: every column that lists it highlights it, and so does the map
  const bm25 = columns[2];
  const first = bm25.getByRole('listitem').first();
  const docId = await first.getAttribute('data-doc');
  await first.getByRole('button').click();
  for (const column of columns) {
    const item = column.locator(`li[data-doc="${docId}"]`);
    if ((await item.count()) > 0) {
      await expect(item.getByRole('button')).toHaveAttribute('aria-pressed', 'true');
    }
  }
  await expect(columns[3].locator(`li[data-doc="${docId}"]`)).toHaveCount(1);
  await expect(map.getByTestId('map-selected')).toHaveCount(1);

  // the four ranked lists download as CSV, in the order the columns show them
  const pending = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Ranked lists (CSV)', exact: true }).click();
  const rows = Papa.parse<string[]>(readFileSync(await (await pending).path(), 'utf8').trim()).data;
  expect(rows[0]).toEqual(['query', 'method', 'rank', 'docId', 'title', 'score', 'relevant']);
  for (const [i, column] of columns.entries()) {
    const shown = await column
      .getByRole('listitem')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-doc')));
    const method = ['Generative (DSI)', 'Dense (dual encoder)', 'BM25', 'Fusion (RRF)'][i];
    expect(rows.filter((r) => r[1] === method).map((r) => r[3])).toEqual(shown);
  }

  // the map downloads as SVG with what it projects, the query and a legend of its marks, and as PNG
  const svgDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Map (SVG)', exact: true }).click();
  const svg = readFileSync(await (await svgDownload).path(), 'utf8');
  expect(svg).toMatch(/^<svg /);
  expect(svg).toMatch(
    /Map of 156 documents: their dense embeddings on the first two principal axes \(PCA\), which keep \d+ % of the variance/,
  );
  expect(svg).toContain(`Query: ${testQuestion}`);
  expect(svg).toMatch(/>PC 1 \([\d.]+ % of the variance\)<\/text>/);
  expect(svg).toMatch(/>PC 2 \([\d.]+ % of the variance\)<\/text>/);
  for (const mark of ['query', 'generative top 10', 'dense top 10', 'BM25 top 10'])
    expect(svg).toContain(`>${mark}</text>`);
  expect(svg.match(/<circle /g)!.length).toBeGreaterThanOrEqual(156);
  const pngDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Map (PNG)', exact: true }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toMatch(/^embedding-map-.*\.png$/);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.readUInt32BE(16)).toBe(1280); // width: the 640-unit figure at twice its size

  // Matryoshka: the dense column searched with the first 16 of 64 dimensions
  const dense = columns[1];
  const fullScores = (await dense.locator('.score').allTextContents()).join(' ');
  await panel
    .getByRole('combobox', { name: 'Dense embedding size', exact: true })
    .selectOption('16');
  // ten new scores (an emptied or unchanged list does not pass)
  await expect
    .poll(async () => {
      const scores = await dense.locator('.score').allTextContents();
      return scores.length === 10 && scores.join(' ') !== fullScores;
    })
    .toBe(true);
  expect(errors).toEqual([]);
});

test('above its size threshold the dense column answers through HNSW in the worker, with its recall reported', async ({
  page,
}) => {
  // ?annThreshold=100 puts the 156-document corpus above the threshold
  await openApp(page, '/?annThreshold=100#compare');
  const panel = page.getByRole('region', { name: 'Compare methods', exact: true });
  await panel
    .getByRole('combobox', { name: 'Test question', exact: true })
    .selectOption(testQuestion);
  const dense = panel.getByRole('region', { name: 'Dense (dual encoder)', exact: true });
  await expect(dense.getByRole('listitem')).toHaveCount(10, { timeout: 150_000 });
  const note = await dense.getByText(/^HNSW index: recall@10 /).textContent();
  expect(Number(note!.match(/recall@10 ([\d.]+)/)![1])).toBeGreaterThan(0.9);
});
