import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { engineActivity, openApp } from './app';

test('Index trains a tiny model live: loss falls, progress and ETA move, BM25 answers meanwhile, Cancel stops it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page, '/#index');
  await expect(page.getByText(/^The checkpoint shipped with the app \(/)).toBeVisible({
    timeout: 60_000,
  });
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  const epochs = page.getByLabel('Epochs', { exact: true });
  await epochs.fill('60');
  await epochs.blur();
  await page.getByRole('button', { name: 'Index', exact: true }).click();

  const step = page.getByTestId('train-step');
  await expect(step).toBeVisible({ timeout: 120_000 });
  const firstLoss = Number(await page.getByTestId('train-loss').textContent());
  const firstEta = await page.getByTestId('train-eta').textContent();
  await expect(
    page.getByRole('progressbar', { name: 'Training progress', exact: true }),
  ).toBeVisible();

  // the page stays usable: BM25 answers while the worker trains
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('coral reef bleaching');
  await expect(
    page.getByRole('region', { name: 'BM25 results', exact: true }).getByRole('listitem').first(),
  ).toContainText('Coral Reef');
  await page.getByRole('tab', { name: 'Index', exact: true }).click();

  await expect
    .poll(async () => Number(await page.getByTestId('train-step').textContent()), {
      timeout: 120_000,
    })
    .toBeGreaterThan(150);
  expect(Number(await page.getByTestId('train-loss').textContent())).toBeLessThan(firstLoss);
  expect(await page.getByTestId('train-eta').textContent()).not.toBe(firstEta);
  await expect(
    page.getByRole('figure', { name: 'Training loss per step', exact: true }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training status', exact: true })).toHaveText(
    /Cancelled/,
    {
      timeout: 60_000,
    },
  );
  // the worker has returned from training, so no progress message can follow: a round trip to it
  // (reading its activity) comes back with the step unchanged
  const stepAtCancel = await page.getByTestId('train-step').textContent();
  await engineActivity(page);
  await expect(page.getByTestId('train-step')).toHaveText(stepAtCancel!);

  // the curves download as CSV (one row per step) and the loss chart as a PNG
  const csv = await download(page, page.getByRole('button', { name: 'Curves (CSV)', exact: true }));
  expect(csv.name).toBe('training-curves-generative.csv');
  const stepRows = csv.bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith('step,'));
  expect(stepRows).toHaveLength(Number(stepAtCancel));
  const png = await download(
    page,
    page
      .getByRole('figure', { name: 'Training loss per step', exact: true })
      .getByRole('button', { name: 'Save as PNG', exact: true }),
  );
  expect(png.name).toBe('training-loss-generative.png');
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
});

/** Click `button` and return the file it downloads. */
async function download(page: Page, button: Locator) {
  const pending = page.waitForEvent('download');
  await button.click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}
