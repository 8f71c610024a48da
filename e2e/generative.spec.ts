import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtinTestQuestion, openApp } from './app';

const MODEL = 'public/models/genir-demo';
const file: {
  docids: Record<string, number[]>;
  vocab?: { labels: string[]; joiner: string };
} = JSON.parse(readFileSync(`${MODEL}/docids.json`, 'utf8'));
// how the page writes a docid: its tokens' labels joined (digits when the file has no vocabulary)
const label = (tokens: number[]) =>
  file.vocab
    ? tokens
        .map((t) => file.vocab!.labels[t])
        .join(file.vocab.joiner)
        .trim()
    : tokens.join('-');
const validPairs = new Set(
  Object.entries(file.docids).map(([id, tokens]) => `${label(tokens)} → doc ${id}`),
);
const firstTestQuery = builtinTestQuestion(1);

/** Type a built-in test question and check every generative result is a real document's docid. */
async function expectValidGenerativeAnswer(page: Page) {
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill(firstTestQuery);
  const results = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(results.getByRole('listitem').first()).toBeVisible({ timeout: 150_000 });
  const labels = await results.locator('.doc-id').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(validPairs).toContain(label.replace(/^docid /, ''));
  await expect(results).not.toContainText('invalid docid');
  // the beam search record comes with the answer
  await page.getByText(/^Beam candidates per decoding step \(\d+ steps\)$/).click();
  const rows = page.getByRole('table', { name: 'Beam candidates', exact: true }).getByRole('row');
  // a header row and at least one candidate per decoding step
  await expect.poll(() => rows.count()).toBeGreaterThan(2);
}

test('the shipped checkpoint answers a test question on the opened page (auto backend)', async ({
  page,
}) => {
  const errors = await openApp(page);
  await expectValidGenerativeAnswer(page);
  expect(errors).toEqual([]);
});

for (const backend of ['webgpu', 'webgl']) {
  test(`generative answers on ${backend} (SwiftShader)`, async ({ page }) => {
    test.setTimeout(240_000);
    await openApp(page, `/?backend=${backend}`);
    await expect(page.getByTestId('backend-name')).toHaveText(backend, { timeout: 60_000 });
    await expectValidGenerativeAnswer(page);
  });
}
