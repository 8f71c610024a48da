import type { PageSession } from './browser';
import { currentCommit, type BenchRow } from './results';

/**
 * A full indexing run of the built-in corpus with the Index panel's default (classroom) settings,
 * driven through the page like a person would: press Index, wait for Done.
 */
export async function benchIndexRun(session: PageSession): Promise<BenchRow> {
  const page = await session.browser.newPage();
  try {
    await page.goto(`${session.url}#index`);
    await page.getByTestId('backend-name').waitFor({ timeout: 60_000 });
    const backend = (await page.getByTestId('backend-name').textContent()) ?? '';
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Index', exact: true }).click();
    await page
      .getByRole('status', { name: 'Training status' })
      .filter({ hasText: /^Done/ })
      .waitFor({ timeout: 20 * 60_000 });
    const wallSec = (Date.now() - t0) / 1000;
    const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';
    const hits = await page
      .getByRole('region', { name: 'Current model' })
      .textContent()
      .catch(() => '');
    return {
      dataset: 'genir-demo',
      split: 'test',
      method: 'full indexing run in the page (Index panel defaults)',
      config: {
        examplesPerSec: await text('train-examples-per-sec'),
        trainingTime: await text('train-elapsed'),
        currentModel: hits,
      },
      metrics: {},
      timing: { wallSeconds: Math.round(wallSec) },
      backend: `${backend} (headless Chromium worker)`,
      commit: currentCommit(),
      date: new Date().toISOString(),
    };
  } finally {
    await page.close();
  }
}
