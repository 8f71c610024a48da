import { expect, test } from '@playwright/test';
import { builtinTestQuestion, openApp } from '../app';

// The README's pictures. `npm run screenshots` writes them; `npm test` never does.
const OUT = 'docs/screenshots';

test('Search: the shipped generative model and BM25 answer a test question', async ({ page }) => {
  await openApp(page);
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill(builtinTestQuestion(1));
  const results = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(results.getByRole('listitem')).toHaveCount(10, { timeout: 60_000 });
  await page.screenshot({ path: `${OUT}/generative.png` });
});

test('Index: a training run with its curves', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page, '/#index');
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  await page.getByRole('button', { name: 'Index', exact: true }).click();
  await expect
    .poll(async () => Number(await page.getByTestId('train-step').textContent()), {
      timeout: 120_000,
    })
    .toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training status', exact: true })).toHaveText(
    /Cancelled/,
  );
  await page.screenshot({ path: `${OUT}/index.png`, fullPage: true });
});

test('Inspect: diverse beam search beside plain beam search', async ({ page }) => {
  await openApp(page, '/#inspect');
  const inspector = page.getByRole('region', { name: 'Beam search inspector', exact: true });
  await inspector.getByRole('textbox', { name: 'Query', exact: true }).fill(builtinTestQuestion(2));
  await inspector.getByRole('button', { name: 'Decode', exact: true }).click();
  await inspector.getByRole('checkbox', { name: 'Diverse beam search', exact: true }).check();
  await inspector
    .getByRole('checkbox', { name: 'Compare with plain beam search side by side', exact: true })
    .check();
  await expect(inspector.getByRole('figure', { name: /^Plain beam search — / })).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({ path: `${OUT}/inspector.png`, fullPage: true });
});

test('Compare: four columns and the embedding map', async ({ page }) => {
  await openApp(page, '/#compare');
  const panel = page.getByRole('region', { name: 'Compare methods', exact: true });
  await panel
    .getByRole('combobox', { name: 'Test question', exact: true })
    .selectOption(builtinTestQuestion(3));
  for (const name of ['Generative (DSI)', 'Dense (dual encoder)', 'BM25', 'Fusion (RRF)']) {
    await expect(
      panel.getByRole('region', { name, exact: true }).getByRole('listitem').first(),
    ).toBeVisible({ timeout: 60_000 });
  }
  await page.screenshot({ path: `${OUT}/compare.png`, fullPage: true });
});
