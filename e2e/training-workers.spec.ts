import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app';

/** The engine details' sentence on how the generative model trains. */
async function trainingSentence(page: Page): Promise<string> {
  const details = page.getByRole('group', { name: 'Engine details', exact: true });
  if ((await details.getAttribute('open')) === null)
    await details.getByText('Engine details', { exact: true }).click();
  return (await details.getByTestId('engine-training').textContent()) ?? '';
}

/**
 * Train the Tiny preset from the Index panel (the shipped model loaded first), check the run
 * summary with `summary`, then that the model trained answers a question in Search.
 */
async function trainTinyAndAsk(page: Page, summary: RegExp | string): Promise<void> {
  await expect(page.getByText(/^The checkpoint shipped with the app \(/)).toBeVisible({
    timeout: 60_000,
  });
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  await page.getByRole('button', { name: 'Index', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training status', exact: true })).toHaveText(
    /^Done/,
    { timeout: 180_000 },
  );
  await expect(page.getByLabel('Run summary', { exact: true })).toContainText(summary);
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('whale song');
  const generative = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(generative.getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('model-in-use')).toHaveText(
    /^Answering with the model trained in this page/,
  );
}

test('on wasm, training shares each batch among workers and says so; ?workers=1 trains alone', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = await openApp(page, '/?backend=wasm&workers=2#index');
  await expect
    .poll(() => trainingSentence(page))
    .toMatch(/^Training shares each batch among 2 workers, one wasm thread each/);
  // the first steps time sharing against one worker; the summary says what they measured
  await trainTinyAndAsk(
    page,
    /each batch shared among 2 workers \(measured at [\d.]+× one worker's speed here\)|on one worker: sharing each batch among 2 measured [\d.]+× its speed here, so it stopped|long batches shared among 2 workers/,
  );

  await page.goto('/?backend=wasm&workers=1#index');
  await expect
    .poll(() => trainingSentence(page))
    .toBe('Training runs on one worker (?workers=N shares each batch among N).');
  expect(errors).toEqual([]);
});

test('?localSgd= trains copies of the model on two workers, averaged, and says so', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = await openApp(page, '/?backend=wasm&workers=2&localSgd=4#index');
  await expect
    .poll(() => trainingSentence(page))
    .toMatch(
      /^Training runs local SGD on 2 workers, one wasm thread each \(asked for with \?localSgd=4\)/,
    );
  // the model the run leaves is the copies' average, and it answers
  await trainTinyAndAsk(
    page,
    'on 2 copies of the model, one per worker, averaged every 4 batches (local SGD)',
  );
  expect(errors).toEqual([]);
});
