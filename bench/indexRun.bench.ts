import type { PageSession } from './browser';
import { currentCommit, type BenchRow } from './results';

/**
 * A full indexing run of the built-in corpus with the Index panel's default (classroom) settings,
 * driven through the page like a person would: press Index, wait for Done.
 */
export async function benchIndexRun(session: PageSession): Promise<BenchRow> {
  const page = await session.newPage();
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
    // the trained model is saved in IndexedDB when training ends: Done → its row in the Saved list
    const t1 = Date.now();
    const saved = page
      .getByRole('region', { name: 'Saved models' })
      .getByRole('row')
      .filter({ hasText: 'in use' });
    await saved.waitFor({ timeout: 120_000 });
    const saveMs = Date.now() - t1;
    const savedSize = (await saved.getByRole('cell').nth(4).textContent()) ?? '';
    const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';
    const hits = await page
      .getByRole('region', { name: 'Current model' })
      .textContent()
      .catch(() => '');
    const config = {
      examplesPerSec: await text('train-examples-per-sec'),
      trainingTime: await text('train-elapsed'),
      currentModel: hits,
      savedSize,
    };
    // a reload restores it from IndexedDB: navigation start → its first answer to a linked query
    const t2 = Date.now();
    await page.goto(`${session.url}?q=${encodeURIComponent('how hot is venus')}#search`, {
      waitUntil: 'commit',
    });
    await page
      .getByTestId('model-in-use')
      .filter({ hasText: 'trained in this page' })
      .waitFor({ timeout: 120_000 });
    await page
      .getByRole('region', { name: 'Generative results' })
      .getByRole('listitem')
      .first()
      .waitFor({ timeout: 120_000 });
    const restoreMs = Date.now() - t2;
    return {
      dataset: 'genir-demo',
      split: 'test',
      method: 'full indexing run in the page (Index panel defaults)',
      config,
      metrics: {},
      timing: {
        wallSeconds: Math.round(wallSec),
        saveMs,
        savedMegabytes: Number.parseFloat(savedSize),
        reloadToFirstAnswerMs: restoreMs,
      },
      backend: `${backend} (headless Chromium worker)`,
      commit: currentCommit(),
      date: new Date().toISOString(),
    };
  } finally {
    await page.close();
  }
}
