import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readZipDirectory } from '../src/core/corpus/zipDirectory';
import { builtinTestQuestion, file, openApp, pasteCorpus, pickFiles } from './app';

const QUESTION = builtinTestQuestion(2);

/** The generative results for `question` as text (rank, title, score, docid), once they are shown. */
async function generativeAnswer(
  page: Page,
  expectedSource: RegExp,
  question = QUESTION,
): Promise<string[]> {
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill(question);
  const results = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(results.getByTestId('model-in-use')).toHaveText(expectedSource, {
    timeout: 120_000,
  });
  await expect(results.getByRole('listitem')).toHaveCount(10);
  return results
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((li) =>
        [
          li.querySelector('.result-head')!.textContent,
          li.querySelector('.doc-id')!.textContent,
        ].join(' | '),
      ),
    );
}

/** A copy of a bundle with one bit flipped in the middle of `member` (stored, not deflated). */
function flipByte(bundle: Buffer, member: string): Buffer {
  const directory = readZipDirectory(new Uint8Array(bundle), 100);
  if (!directory.ok) throw new Error(directory.error);
  const entry = directory.entries.find((e) => e.name === member)!;
  const damaged = Buffer.from(bundle);
  damaged[entry.dataStart + Math.floor(entry.size / 2)] ^= 0x01;
  return damaged;
}

const TRAINED = /^Answering with the model trained in this page: atomic docids/;
const SHIPPED = /^Answering with the checkpoint shipped with the app/;

/** On the Index panel, once the shipped model is in (or none): train the Tiny preset to the end. */
async function indexTinyModel(page: Page, shipped = true) {
  await expect(
    shipped
      ? page.getByText(/^The checkpoint shipped with the app \(/)
      : page.getByText('No generative model for this corpus yet.', { exact: false }),
  ).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  await page.getByRole('button', { name: 'Index', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training status', exact: true })).toHaveText(
    /^Done/,
    { timeout: 120_000 },
  );
  // a model that ranks no held-out question's document first is flagged as not learned yet
  await expect(page.getByText(/^A model trained in this page answers /)).toBeVisible();
  // (a corpus without held-out questions gives no Hits@1, and no warning)
  const hits1Cell = page.getByTestId('model-Hits@1');
  const hits1 = (await hits1Cell.count()) > 0 ? Number(await hits1Cell.textContent()) : null;
  await expect(page.getByTestId('not-learned-warning')).toHaveCount(hits1 === 0 ? 1 : 0);
}

test('a model trained in the page is saved, answers the same after a reload and after a corpus switch, and the shipped model comes back on request', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = await openApp(page, '/#index');
  const saved = page.getByRole('region', { name: 'Saved models', exact: true });
  await expect(saved.getByText('No model is saved yet.', { exact: true })).toBeVisible();
  await indexTinyModel(page);
  // saved when training ended, and marked as the model in use
  const rows = saved.getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(/Generative model, genir-demo, .*in use/);
  await expect(rows.nth(1)).toContainText('genir-demo (156 docs)');
  await expect(saved.getByTestId('storage-estimate')).toContainText(/MB used of the/);
  const trained = await generativeAnswer(page, TRAINED);

  // a reload brings back the trained model, not the shipped one
  await page.reload();
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText('156 docs');
  expect(await generativeAnswer(page, TRAINED)).toEqual(trained);

  // another corpus drops the model; the built-in corpus brings it back
  await pasteCorpus(page, 'Otters\nOtters hold hands.\n\nBeavers build dams.', 2);
  await page.getByRole('tab', { name: 'Index', exact: true }).click();
  await expect(
    page.getByText('No generative model for this corpus yet.', { exact: false }),
  ).toBeVisible();
  // the saved model belongs to another corpus: it cannot be put in use here
  await expect(rows.nth(1).getByRole('button', { name: 'Use', exact: true })).toBeDisabled();
  await page.getByRole('tab', { name: 'Corpus', exact: true }).click();
  await page.getByRole('button', { name: 'Load the built-in corpus', exact: true }).click();
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText(
    'genir-demo (built-in) · 156 docs',
  );
  expect(await generativeAnswer(page, TRAINED)).toEqual(trained);

  // back to the shipped models, which a reload keeps
  await page.getByRole('tab', { name: 'Index', exact: true }).click();
  await saved.getByRole('button', { name: 'Use the shipped models', exact: true }).click();
  await expect(page.getByText(/^The checkpoint shipped with the app \(/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(rows.nth(1)).not.toContainText('in use');
  const shipped = await generativeAnswer(page, SHIPPED);
  expect(shipped).not.toEqual(trained);
  await page.reload();
  expect(await generativeAnswer(page, SHIPPED)).toEqual(shipped);

  // the saved model can be chosen again, renamed and deleted
  await page.getByRole('tab', { name: 'Index', exact: true }).click();
  await rows.nth(1).getByRole('button', { name: 'Use', exact: true }).click();
  await expect(rows.nth(1)).toContainText('in use', { timeout: 60_000 });
  expect(await generativeAnswer(page, TRAINED)).toEqual(trained);
  await page.getByRole('tab', { name: 'Index', exact: true }).click();
  await rows.nth(1).getByRole('button', { name: 'Rename', exact: true }).click();
  await saved
    .getByRole('textbox', { name: 'New name', exact: true })
    .fill('Tiny atomic, lecture 3');
  await saved.getByRole('button', { name: 'Save name', exact: true }).click();
  await expect(rows.nth(1)).toContainText('Tiny atomic, lecture 3');
  await rows.nth(1).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(saved.getByText('No model is saved yet.', { exact: true })).toBeVisible();
  // deleting the saved model does not take it away from the page until the next reload
  expect(await generativeAnswer(page, TRAINED)).toEqual(trained);
  await page.reload();
  expect(await generativeAnswer(page, SHIPPED)).toEqual(shipped);
  expect(errors).toEqual([]);
});

test('closing the tab while a model trains asks first', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '/#index');
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  const epochs = page.getByLabel('Epochs', { exact: true });
  await epochs.fill('200');
  await epochs.blur();
  await page.getByRole('button', { name: 'Index', exact: true }).click();
  await expect(page.getByTestId('train-step')).toBeVisible({ timeout: 60_000 });
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.dismiss();
});

test('a model exported as a bundle answers identically in a fresh browser context; a damaged bundle is refused and the model in use stays', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await openApp(page, '/#index');
  await indexTinyModel(page);
  const saved = page.getByRole('region', { name: 'Saved models', exact: true });
  const pending = page.waitForEvent('download');
  await saved.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await pending;
  expect(file.suggestedFilename()).toMatch(/^generative-model-genir-demo-.*\.genir\.zip$/);
  const bundle = readFileSync(await file.path());
  const trained = await generativeAnswer(page, TRAINED);

  // a fresh context: empty storage, the shipped models
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openApp(other, '/#index');
  const shipped = await generativeAnswer(other, SHIPPED);
  await other.getByRole('tab', { name: 'Index', exact: true }).click();
  const picker = other.getByLabel('Import a bundle (.zip): a model or a session', { exact: true });

  const damaged = flipByte(bundle, 'weights.bin');
  await picker.setInputFiles({ name: 'damaged.zip', mimeType: 'application/zip', buffer: damaged });
  await expect(other.getByRole('alert')).toHaveText(
    'Not imported: damaged.zip: weights.bin does not match its SHA-256 in bundle.json: the file is damaged. Nothing changed.',
  );
  expect(await generativeAnswer(other, SHIPPED)).toEqual(shipped);

  await other.getByRole('tab', { name: 'Index', exact: true }).click();
  await picker.setInputFiles({ name: 'model.zip', mimeType: 'application/zip', buffer: bundle });
  await expect(other.getByRole('status').filter({ hasText: /^Imported “/ })).toHaveText(
    /it answers now\.$/,
  );
  expect(await generativeAnswer(other, TRAINED)).toEqual(trained);
  await fresh.close();
});

test('after one visit the page answers with the network off (service worker)', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await openApp(page, '/#search');
  const shipped = await generativeAnswer(page, SHIPPED);
  // the worker registers once the page is idle, caches everything, then controls the page
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText('156 docs');
  expect(await generativeAnswer(page, SHIPPED)).toEqual(shipped);
  await expect(
    page.getByRole('region', { name: 'BM25 results', exact: true }).getByRole('listitem'),
  ).toHaveCount(10);
});

test('a corpus loaded from files or pasted text comes back after a reload, until the built-in one is chosen again', async ({
  page,
}) => {
  await openApp(page, '/#corpus');
  const current = page.getByLabel('Current corpus', { exact: true });
  await pickFiles(page, [
    file('notes.csv', 'id,title,text\nt1,Tea,Green tea is steamed.\nt2,Coffee,Roasted beans.\n'),
  ]);
  await expect(current).toContainText('notes (files) · 2 docs');
  // the page shows the corpus first, then writes it for the next visit, and says when it has
  const kept = page.getByTestId('corpus-kept');
  await expect(kept).toHaveText('Kept in this browser: a reload opens this corpus again.');
  await page.reload();
  await expect(current).toContainText('notes (files) · 2 docs');
  await expect(page.getByRole('cell', { name: 'Roasted beans.', exact: true })).toBeVisible();
  await expect(kept).toHaveText(/^Kept in this browser/);

  await pasteCorpus(page, 'Otters\nOtters hold hands.\n\nBeavers build dams.', 2);
  await expect(kept).toHaveText(/^Kept in this browser/);
  await page.reload();
  await expect(current).toContainText('pasted (pasted) · 2 docs');

  await page.getByRole('button', { name: 'Load the built-in corpus', exact: true }).click();
  await expect(current).toContainText('genir-demo (built-in) · 156 docs');
  await expect(kept).toHaveCount(0);
  await page.reload();
  await expect(current).toContainText('genir-demo (built-in) · 156 docs');
});

/** A small corpus of twelve documents, four topics, as a CSV file. */
const NOTES = [
  'id,title,text',
  ...['tea', 'coffee', 'cocoa', 'mate'].flatMap((drink, t) =>
    [1, 2, 3].map(
      (n) =>
        `${drink}${n},${drink} note ${n},"${drink} is brewed in step ${n}; ${drink} leaves, ${drink} cups and ${['green', 'roast', 'bean', 'gourd'][t]} ${n}"`,
    ),
  ),
].join('\n');

test('a session bundle carries the corpus and its trained model to a fresh browser context; a damaged one is refused', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await openApp(page, '/#corpus');
  const current = page.getByLabel('Current corpus', { exact: true });
  await pickFiles(page, [file('notes.csv', NOTES)]);
  await expect(current).toContainText('notes (files) · 12 docs');
  await page.getByRole('tab', { name: 'Index', exact: true }).click();
  await indexTinyModel(page, false);
  const trained = await generativeAnswer(page, TRAINED, 'roast coffee');
  await page.getByRole('tab', { name: 'Index', exact: true }).click();
  const pending = page.waitForEvent('download');
  await page
    .getByRole('region', { name: 'Saved models', exact: true })
    .getByRole('button', { name: 'Export this session (.zip)', exact: true })
    .click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe('session-notes.genir.zip');
  const bundle = readFileSync(await download.path());

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openApp(other, '/#index');
  const picker = other.getByLabel('Import a bundle (.zip): a model or a session', { exact: true });
  const damaged = flipByte(bundle, 'generative/weights.bin');
  await picker.setInputFiles({ name: 'damaged.zip', mimeType: 'application/zip', buffer: damaged });
  await expect(other.getByRole('alert')).toHaveText(
    'Not imported: damaged.zip: generative/weights.bin does not match its SHA-256 in bundle.json: the file is damaged. Nothing changed.',
  );
  const otherCorpus = other.getByLabel('Current corpus', { exact: true });
  await expect(otherCorpus).toContainText('genir-demo (built-in) · 156 docs');

  await picker.setInputFiles({ name: 'lesson.zip', mimeType: 'application/zip', buffer: bundle });
  await expect(otherCorpus).toContainText('notes (files) · 12 docs', { timeout: 60_000 });
  await expect(other.getByRole('status').filter({ hasText: /^Imported the session/ })).toHaveText(
    'Imported the session “lesson.zip”: notes (12 documents); its model answers now.',
    { timeout: 60_000 },
  );
  expect(await generativeAnswer(other, TRAINED, 'roast coffee')).toEqual(trained);
  // kept in the new browser too
  await other.reload();
  await expect(otherCorpus).toContainText('notes (files) · 12 docs');
  expect(await generativeAnswer(other, TRAINED, 'roast coffee')).toEqual(trained);
  await fresh.close();
});
