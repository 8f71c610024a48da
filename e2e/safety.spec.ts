import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { file, openApp, pickFiles } from './app';

test('document text is rendered as text: markup in a corpus runs no script', async ({ page }) => {
  await openApp(page);
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const evil = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
  await pickFiles(page, [
    file(
      'corpus.jsonl',
      JSON.stringify({ _id: 'x1', title: evil, text: `harmless words ${evil}` }) + '\n',
    ),
  ]);
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText('1 docs');
  await expect(page.getByRole('cell', { name: evil }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('harmless img onerror');
  const result = page
    .getByRole('region', { name: 'BM25 results', exact: true })
    .getByRole('listitem')
    .first();
  await expect(result).toContainText('<img src=x onerror=');
  // the markup stayed text: no element was made from it, so no handler in it can ever run
  await expect(page.locator('img, script:not([src])')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(dialogs).toBe(0);
});

test('every panel passes an axe accessibility scan (WCAG A/AA)', async ({ page }) => {
  await openApp(page);
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('whale song');
  for (const name of ['Search', 'Learn', 'Corpus', 'Index', 'Inspect', 'Compare', 'Evaluate']) {
    await page.getByRole('tab', { name }).click();
    const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(scan.violations.map((v) => `${name}: ${v.id} ${v.help}`)).toEqual([]);
  }
});
