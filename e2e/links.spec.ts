import { expect, test, type Page } from '@playwright/test';
import { builtinTestQuestion, file, openApp, pickFiles } from './app';

const QUESTION = builtinTestQuestion(3);

async function generativeList(page: Page, count: number): Promise<string[]> {
  const results = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(results.getByRole('listitem')).toHaveCount(count, { timeout: 60_000 });
  return results.locator('.result-head').allTextContents();
}

test('a link carries the query and the decoding settings, and opening it reproduces the ranked list', async ({
  page,
  context,
}) => {
  await openApp(page, '/#search');
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill(QUESTION);
  await page.getByRole('spinbutton', { name: 'Beam size', exact: true }).fill('5');
  const ranked = await generativeList(page, 5);
  await expect(page).toHaveURL(/\?corpus=builtin&q=[^&#]+&beam=5#search$/);
  const link = page.url();

  const opened = await context.newPage();
  await openApp(opened, link);
  await expect(opened.getByRole('textbox', { name: 'Query', exact: true })).toHaveValue(QUESTION);
  await expect(opened.getByRole('spinbutton', { name: 'Beam size', exact: true })).toHaveValue('5');
  expect(await generativeList(opened, 5)).toEqual(ranked);

  // the inspector's settings travel too, and other parameters of the URL stay
  await opened.getByRole('tab', { name: 'Inspect', exact: true }).click();
  const inspector = opened.getByRole('region', { name: 'Beam search inspector', exact: true });
  await inspector.getByRole('checkbox', { name: 'Diverse beam search', exact: true }).check();
  const strength = inspector.getByRole('spinbutton', { name: 'Diversity strength λ', exact: true });
  await strength.fill('2.5');
  await strength.blur();
  await expect(opened).toHaveURL(/&lambda=2\.5&diverse=1#inspect$/);
  const third = await context.newPage();
  await openApp(third, `${opened.url().replace('?', '?backend=wasm&')}`);
  const thirdInspector = third.getByRole('region', { name: 'Beam search inspector', exact: true });
  await expect(
    thirdInspector.getByRole('checkbox', { name: 'Diverse beam search', exact: true }),
  ).toBeChecked();
  await expect(
    thirdInspector.getByRole('spinbutton', { name: 'Diversity strength λ', exact: true }),
  ).toHaveValue('2.5');
  await expect(
    third.getByRole('figure', { name: /^Diverse beam search \(G=3, λ=2\.5\)/ }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(third).toHaveURL(/\?backend=wasm&corpus=builtin&q=/);
  await expect(third.getByTestId('backend-name')).toHaveText('wasm', { timeout: 60_000 });
});

test('a link naming the built-in corpus opens it where another corpus was kept, and the kept one stays', async ({
  page,
}) => {
  await openApp(page, '/#search');
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill(QUESTION);
  const ranked = await generativeList(page, 10);
  const link = page.url();
  expect(new URL(link).searchParams.get('corpus')).toBe('builtin');

  const current = page.getByLabel('Current corpus', { exact: true });
  await pickFiles(page, [
    file('notes.csv', 'id,title,text\nt1,Tea,Green tea.\nt2,Coffee,Beans.\n'),
  ]);
  await expect(current).toContainText('notes (files) · 2 docs');
  // a corpus from files cannot travel in a link: the URL no longer names one
  await expect(page).not.toHaveURL(/corpus=/);

  await openApp(page, link);
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  expect(await generativeList(page, 10)).toEqual(ranked);
  await page.goto('/#corpus');
  await expect(current).toContainText('notes (files) · 2 docs');
});
