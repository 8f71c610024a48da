import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp } from './app';

const number = async (text: Promise<string | null>) => Number((await text)?.replace(/,/g, ''));

test('Index trains the dense retriever live (step, loss and ETA move, the loss falls), and its embeddings then shape semantic docids', async ({
  page,
}) => {
  test.setTimeout(270_000);
  const errors = await openApp(page, '/#index');
  await page.getByRole('radio', { name: 'Dense (dual encoder)' }).check();
  await page.getByLabel('Preset').selectOption({ label: 'Tiny (fast demo)' });
  await expect(page.getByTestId('configured-dense-parameters')).toContainText('parameters');
  await expect(page.getByRole('button', { name: 'Index', exact: true })).toHaveCount(0);
  const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(scan.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
  await page.getByRole('button', { name: 'Train dense retriever' }).click();
  // settings are locked while it trains
  await expect(page.getByRole('radio', { name: 'Generative (DSI)' })).toBeDisabled();

  const step = page.getByTestId('train-step');
  await expect(step).toBeVisible({ timeout: 60_000 });
  const firstStep = await number(step.textContent());
  const firstLoss = await number(page.getByTestId('train-loss').textContent());
  const firstEta = await page.getByTestId('train-eta').textContent();
  await expect(page.getByTestId('training-plan')).toContainText(/\d+ pseudo-query pairs/);
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
  await expect.poll(() => number(step.textContent())).toBeGreaterThan(firstStep);

  await expect(page.getByRole('status', { name: 'Training status' })).toHaveText(/^Done/, {
    timeout: 90_000,
  });
  expect(await number(page.getByTestId('train-loss').textContent())).toBeLessThan(firstLoss);
  expect(await page.getByTestId('train-eta').textContent()).not.toBe(firstEta);
  await expect(page.getByRole('figure', { name: /loss/i })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dense retriever trained' })).toBeVisible();

  const current = page.getByRole('region', { name: 'Dense retriever' });
  await expect(current).toContainText('A dense retriever trained in this page');
  await expect(current.getByTestId('dense-dim')).toHaveText('16');
  expect(await number(current.getByTestId('dense-parameters').textContent())).toBeGreaterThan(0);
  await expect(current.getByTestId('dense-memory')).toContainText('embeddings');
  await expect(current.getByTestId('dense-search')).not.toBeEmpty();

  // its document embeddings can now shape the generative model's semantic docids (as DSI used BERT's)
  await page.getByRole('radio', { name: 'Generative (DSI)' }).check();
  await page.getByLabel('Preset').selectOption({ label: 'Tiny (fast demo)' });
  await page.getByLabel('Cluster documents by').selectOption('dense');
  await page.getByRole('button', { name: 'Index', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training status' })).toHaveText(/^Done/, {
    timeout: 120_000,
  });
  const generative = page.getByRole('region', { name: 'Generative model' });
  await expect(generative).toContainText('A model trained in this page');
  await expect(generative.getByTestId('model-docids')).toHaveText(
    'semantic (clustered on dense embeddings)',
  );
  expect(errors).toEqual([]);
});
