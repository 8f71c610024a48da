import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app';

/** The engine details' sentence on how the generative model trains. */
async function trainingSentence(page: Page): Promise<string> {
  const details = page.getByRole('group', { name: 'Engine details', exact: true });
  if ((await details.getAttribute('open')) === null)
    await details.getByText('Engine details', { exact: true }).click();
  return (await details.getByTestId('engine-training').textContent()) ?? '';
}

test('on wasm, training shares each batch among workers and says so; ?workers=1 trains alone', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = await openApp(page, '/?backend=wasm&workers=2#index');
  await expect
    .poll(() => trainingSentence(page))
    .toMatch(/^Training shares each batch among 2 workers, one wasm thread each/);
  await expect(page.getByText(/^The checkpoint shipped with the app \(/)).toBeVisible({
    timeout: 60_000,
  });
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  await page.getByRole('button', { name: 'Index', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training status', exact: true })).toHaveText(
    /^Done/,
    { timeout: 180_000 },
  );
  const summary = page.getByLabel('Run summary', { exact: true });
  // the first steps time sharing against one worker; the summary says what they measured
  await expect(summary).toContainText(
    /each batch shared among 2 workers \(measured at [\d.]+× one worker's speed here\)|on one worker: sharing each batch among 2 measured [\d.]+× its speed here, so it stopped|long batches shared among 2 workers/,
  );
  // the model trained this way answers
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('whale song');
  const generative = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(generative.getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('model-in-use')).toHaveText(
    /^Answering with the model trained in this page/,
  );

  await page.goto('/?backend=wasm&workers=1#index');
  await expect
    .poll(() => trainingSentence(page))
    .toBe('Training runs on one worker (?workers=N shares each batch among N).');
  expect(errors).toEqual([]);
});
