import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtinTestQuestion, openApp } from './app';

const docIds = new Set(
  readFileSync('public/corpora/genir-demo/corpus.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line)._id as string),
);

/** Index the built-in corpus with the Tiny preset and `scheme`, and wait for the run to end. */
async function indexWith(page: Page, scheme: string) {
  await page.getByRole('tab', { name: 'Index', exact: true }).click();
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  await page.getByLabel('Docid scheme', { exact: true }).selectOption(scheme);
  await page.getByRole('button', { name: 'Index', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training status', exact: true })).toHaveText(
    /^Done/,
    { timeout: 120_000 },
  );
  await expect(page.getByTestId('model-docids')).toHaveText(scheme);
}

for (const scheme of ['atomic', 'naive', 'semantic', 'text']) {
  test(`a tiny model with ${scheme} docids indexes the corpus and answers only with real documents`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors = await openApp(page, '/#index');
    await indexWith(page, scheme);
    await page.getByRole('tab', { name: 'Search', exact: true }).click();
    await page.getByRole('textbox', { name: 'Query', exact: true }).fill(builtinTestQuestion(1));
    const results = page.getByRole('region', { name: 'Generative results', exact: true });
    await expect(results.getByTestId('model-in-use')).toContainText(`${scheme} docids`);
    await expect(results.getByRole('listitem')).toHaveCount(10);
    // every decoded docid names a document of the corpus (constrained decoding)
    const lines = await results.locator('.doc-id').allTextContents();
    for (const line of lines) {
      const doc = line.match(/→ doc (\S+)$/)?.[1];
      expect(docIds.has(doc ?? '')).toBe(true);
    }
    await expect(results).not.toContainText('invalid docid');
    if (scheme === 'atomic') {
      // one token per document: the inspector's tree has the documents as its first level
      await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
      const inspector = page.getByRole('region', { name: 'Beam search inspector', exact: true });
      await inspector.getByRole('button', { name: 'Decode', exact: true }).click();
      const leaves = inspector.locator('g[data-rank]');
      await expect(leaves).toHaveCount(6);
      for (const docid of await leaves.evaluateAll((gs) =>
        gs.map((g) => g.getAttribute('data-docid')),
      )) {
        expect(docIds.has(docid ?? '')).toBe(true);
      }
      const ranked = await inspector.getByTestId('result-docid').allTextContents();
      expect(ranked.every((id) => docIds.has(id))).toBe(true);
    }
    expect(errors).toEqual([]);
  });
}

test('the query generator trains, writes questions for every document, and the Corpus panel marks each kept or filtered', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = await openApp(page, '/#index');
  await page.getByRole('radio', { name: 'Query generator (DSI-QG)', exact: true }).check();
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  await expect(page.getByText(/^\d+ training pairs to learn from\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Train query generator', exact: true }).click();
  const summary = page.getByTestId('generated-summary');
  await expect(summary).toBeVisible({ timeout: 150_000 });
  const [, total, docs, kept] = (await summary.textContent())!
    .replace(/,/g, '')
    .match(/It wrote (\d+) questions for (\d+) documents .* BM25 kept (\d+) \(/)!
    .map(Number);
  expect(docs).toBe(156);
  expect(total).toBeGreaterThan(0);
  expect(kept).toBeLessThanOrEqual(total);

  await page.getByRole('tab', { name: 'Corpus', exact: true }).click();
  const section = page.getByRole('region', { name: 'Generated questions', exact: true });
  const picker = section.getByRole('combobox', {
    name: 'Document whose questions to show',
    exact: true,
  });
  // the first documents until one has questions (a tiny generator may repeat itself)
  const items = section.getByRole('list', {
    name: 'Generated questions of the document',
    exact: true,
  });
  const options = await picker
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  let shown = 0;
  for (const value of options.slice(0, 10)) {
    await picker.selectOption(value);
    await expect(section.getByText(/^document /)).toHaveText(`document ${value}`);
    shown = await items.getByRole('listitem').count();
    if (shown > 0) break;
  }
  expect(shown).toBeGreaterThan(0);
  for (const text of await items.getByRole('listitem').allTextContents()) {
    expect(text).toMatch(/^(✓ kept|✗ filtered) \S/);
  }

  // the generator was saved when its training ended, and a reload puts it back in use
  await page.getByRole('tab', { name: 'Index', exact: true }).click();
  const saved = page.getByRole('region', { name: 'Saved models', exact: true });
  const row = saved.getByRole('row', { name: /^Query generator, genir-demo, / });
  await expect(row).toContainText('in use');
  await expect(row.getByRole('cell', { name: 'Query generator', exact: true })).toBeVisible();
  await page.reload();
  await page.getByRole('radio', { name: 'Query generator (DSI-QG)', exact: true }).check();
  await expect(row).toContainText('in use', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Write questions for genir-demo', exact: true }).click();
  await expect(summary).toBeVisible({ timeout: 150_000 });
  // the same generator with the same seed writes the same questions
  const again = (await summary.textContent())!
    .replace(/,/g, '')
    .match(/It wrote (\d+) .* BM25 kept (\d+) \(/)!;
  expect([Number(again[1]), Number(again[2])]).toEqual([total, kept]);
  expect(errors).toEqual([]);
});
