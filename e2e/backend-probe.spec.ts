import { expect, test } from '@playwright/test';
import { openApp } from './app';

// a browser that has never timed its backends (the other specs start as one that has)
test.use({ storageState: { cookies: [], origins: [] } });

test('a first visit starts on wasm, says so, and ?backend= forces any one', async ({ page }) => {
  await openApp(page);
  const order = ['webgpu', 'webgl', 'wasm', 'cpu'];
  const name = page.getByTestId('backend-name');
  await expect(name).toHaveText('wasm');
  const note = page.getByRole('status', { name: 'How the backend was chosen', exact: true });
  await expect(note).toHaveText(
    /^started on wasm, the quickest to a first answer; each backend is timed in a moment$|^timing each backend…$/,
  );
  // started first, so no backend was tried and skipped before it
  const details = page.getByRole('group', { name: 'Engine details', exact: true });
  await details.getByText('Engine details', { exact: true }).click();
  await expect(details.getByRole('list', { name: 'Backends not used', exact: true })).toHaveCount(
    0,
  );
  for (const backend of order) {
    await page.goto(`/?backend=${backend}`);
    await expect(name).toHaveText(backend);
    await expect(note).toHaveText('chosen by ?backend= in the address');
  }
});

test('the page times each backend, moves to the fastest, keeps the figures, and the next visit starts there', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page, '/#search');
  const note = page.getByRole('status', { name: 'How the backend was chosen', exact: true });
  await expect(note).toHaveText(/^started on wasm, .* in a moment$|^timing each backend…$/);
  // a corpus load stops the timing, which starts again a moment after the load
  await expect(note).toHaveText('timing each backend…', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Corpus', exact: true }).click();
  await page.getByRole('button', { name: 'Load the built-in corpus', exact: true }).click();
  await expect(note).toHaveText(
    'started on wasm, the quickest to a first answer; each backend is timed once the corpus has loaded',
  );
  await expect(note).toHaveText('timing each backend…', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await expect(note).toHaveText(/^fastest measured, per training step: \w+ [\d,]+ ms/, {
    timeout: 200_000,
  });
  const details = page.getByRole('group', { name: 'Engine details', exact: true });
  await details.getByText('Engine details', { exact: true }).click();
  const table = details.getByRole('table', { name: 'Backend probe' });
  const rows = table.getByRole('row');
  // header + one row per backend tried: webgpu, webgl, wasm (cpu only when wasm cannot start)
  await expect(rows).toHaveCount(4);
  const chosenRow = table.getByRole('rowheader').filter({ hasText: '(chosen)' });
  await expect(chosenRow).toHaveCount(1);
  const chosen = (await chosenRow.textContent())!.replace(' (chosen)', '');
  // the engine moved to the probe's choice, and the note's fastest is that one
  await expect(page.getByTestId('backend-name')).toHaveText(chosen);
  await expect(note).toContainText(`per training step: ${chosen} `);
  // each measured backend shows its two step times and their cost, or why it was not measured
  for (const backend of ['webgpu', 'webgl', 'wasm']) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: backend }) });
    await expect(row).toHaveText(/(\d[\d,]* ms){3}|not measured: \S/);
  }
  const kept = await page.evaluate(() => localStorage.getItem('genir.backendProbe.v1'));
  expect(JSON.parse(kept!).choice).toBe(chosen);
  // and it still answers there
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('whale song');
  const generative = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(generative.getByRole('listitem')).toHaveCount(10, { timeout: 60_000 });

  // the next visit starts on the kept choice without measuring again
  await page.reload();
  await expect(page.getByTestId('backend-name')).toHaveText(chosen);
  await expect(note).toHaveText(/^fastest when measured on \d{4}-\d\d-\d\d, per training step: /);
  await page.waitForTimeout(4000); // past the probe's delay: nothing starts
  await expect(note).toHaveText(/^fastest when measured on /);
});
