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
  // the generative card says its answers come from the previous model until the new one is done
  await expect(page.getByTestId('model-in-use')).toHaveText(
    /^Answering with the checkpoint shipped with the app: .* A new model is training in the Index panel: until it is done, these answers come from this previous model\.$/,
  );
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

  // cancelled, no new model is coming: the line no longer says one is
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('model-in-use')).toHaveText(
    /^Answering with the checkpoint shipped with the app: [^:]*parameters\.$/,
  );
});

test('the Tiny preset warns it is only a demo; the run buttons stay in view while the settings scroll, at desktop and phone width', async ({
  page,
}) => {
  await openApp(page, '/#index');
  const warning = page.getByTestId('too-small-warning');
  const preset = page.getByLabel('Preset', { exact: true });
  await expect(preset).toHaveValue('classroom');
  await expect(warning).toHaveCount(0);
  await preset.selectOption({ label: 'Tiny (fast demo)' });
  await expect(warning).toBeVisible();
  await expect(warning).toHaveText(
    /^A fast demo of the mechanics\. With a width of 16 .* the model will answer few questions right\. .*Classroom \(default\) preset\.$/,
  );
  await preset.selectOption({ label: 'Classroom (default)' });
  await expect(warning).toHaveCount(0);

  const settings = page.getByRole('form', { name: 'Indexing settings', exact: true });
  const bar = page.getByRole('region', { name: 'Training controls', exact: true });
  const start = bar.getByRole('button', { name: 'Index', exact: true });
  const cancel = bar.getByRole('button', { name: 'Cancel', exact: true });
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await settings.evaluate((form) => form.scrollIntoView({ block: 'end' }));
    // the settings' top has scrolled out of the window, the controls have not
    expect((await settings.boundingBox())!.y).toBeLessThan(-200);
    for (const control of [start, cancel, bar.getByRole('status', { name: 'Training status' })]) {
      const box = (await control.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
    // a field brought into view (as focus or a link does) lands below the bar, not under it
    await preset.evaluate((field) => field.scrollIntoView({ block: 'nearest' }));
    const barBox = (await bar.boundingBox())!;
    expect((await preset.boundingBox())!.y).toBeGreaterThanOrEqual(barBox.y + barBox.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
  }
  await expect(start).toBeEnabled();
});

/** Click `button` and return the file it downloads. */
async function download(page: Page, button: Locator) {
  const pending = page.waitForEvent('download');
  await button.click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}
