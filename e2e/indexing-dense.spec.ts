import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp } from './app';

const number = async (text: Promise<string | null>) => Number((await text)?.replace(/,/g, ''));

test('Index trains the dense retriever live (step, loss and ETA move, the loss falls), and its embeddings then shape semantic docids', async ({
  page,
}) => {
  test.setTimeout(270_000);
  const errors = await openApp(page, '/#index');
  await page.getByRole('radio', { name: 'Dense (dual encoder)', exact: true }).check();
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  await expect(page.getByTestId('configured-dense-parameters')).toContainText('parameters');
  await expect(page.getByRole('button', { name: 'Index', exact: true })).toHaveCount(0);
  const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(scan.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
  await page.getByRole('button', { name: 'Train dense retriever', exact: true }).click();
  // settings are locked while it trains
  await expect(page.getByRole('radio', { name: 'Generative (DSI)', exact: true })).toBeDisabled();

  const step = page.getByTestId('train-step');
  await expect(step).toBeVisible({ timeout: 60_000 });
  const firstStep = await number(step.textContent());
  const firstLoss = await number(page.getByTestId('train-loss').textContent());
  const firstEta = await page.getByTestId('train-eta').textContent();
  await expect(page.getByTestId('training-plan')).toContainText(/\d+ pseudo-query pairs/);
  await expect(
    page.getByRole('progressbar', { name: 'Training progress', exact: true }),
  ).toBeVisible();
  await expect.poll(() => number(step.textContent())).toBeGreaterThan(firstStep);

  await expect(page.getByRole('status', { name: 'Training status', exact: true })).toHaveText(
    /^Done/,
    {
      timeout: 90_000,
    },
  );
  expect(await number(page.getByTestId('train-loss').textContent())).toBeLessThan(firstLoss);
  expect(await page.getByTestId('train-eta').textContent()).not.toBe(firstEta);
  await expect(
    page.getByRole('figure', { name: 'Training loss per step', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Dense retriever trained', exact: true }),
  ).toBeVisible();

  const current = page.getByRole('region', { name: 'Dense retriever', exact: true });
  await expect(current).toContainText('A dense retriever trained in this page');
  await expect(current.getByTestId('dense-dim')).toHaveText('16');
  expect(await number(current.getByTestId('dense-parameters').textContent())).toBeGreaterThan(0);
  await expect(current.getByTestId('dense-memory')).toContainText('embeddings');
  await expect(current.getByTestId('dense-search')).not.toBeEmpty();

  // its document embeddings can now shape the generative model's semantic docids (as DSI used BERT's)
  await page.getByRole('radio', { name: 'Generative (DSI)', exact: true }).check();
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  await page.getByLabel('Docid scheme', { exact: true }).selectOption('semantic');
  await page.getByLabel('Cluster documents by', { exact: true }).selectOption('dense');
  await page.getByRole('button', { name: 'Index', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training status', exact: true })).toHaveText(
    /^Done/,
    {
      timeout: 120_000,
    },
  );
  const generative = page.getByRole('region', { name: 'Generative model', exact: true });
  await expect(generative).toContainText('A model trained in this page');
  await expect(generative.getByTestId('model-docids')).toHaveText(
    'semantic (clustered on dense embeddings)',
  );
  expect(errors).toEqual([]);
});
