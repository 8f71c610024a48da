import { expect, test } from '@playwright/test';
import { builtinTestQuestion, openApp } from './app';

test('a tiny SEAL model writes n-grams of the corpus, highlights them in the documents it returns, and the inspector counts them', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = await openApp(page, '/#index');
  await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tiny (fast demo)' });
  await page.getByLabel('Docid scheme', { exact: true }).selectOption('seal');
  await expect(page.getByLabel('Longest n-gram (word pieces)', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Index', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training status', exact: true })).toHaveText(
    /^Done/,
    { timeout: 180_000 },
  );
  await expect(page.getByTestId('model-docids')).toHaveText('seal');

  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill(builtinTestQuestion(1));
  const results = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(results.getByTestId('model-in-use')).toContainText('SEAL n-grams');
  const hits = results.getByRole('listitem');
  await expect(hits.first()).toBeVisible();
  const ngrams = await results
    .getByRole('table', { name: 'Generated n-grams', exact: true })
    .getByTestId('ngram')
    .allTextContents();
  expect(ngrams.length).toBeGreaterThan(0);
  // every listed n-gram is marked in at least one returned document: each of its words lies
  // inside a highlighted word of that document's snippet (a first or last piece may be partial)
  const marksPerHit = await hits.evaluateAll((items) =>
    items.map((li) => [...li.querySelectorAll('mark')].map((m) => m.textContent!.toLowerCase())),
  );
  for (const ngram of ngrams) {
    const words = ngram.toLowerCase().trim().split(/\s+/);
    const found = marksPerHit.some((marks) =>
      words.every((w) => marks.some((m) => m.includes(w) || w.includes(m))),
    );
    expect(found, `n-gram "${ngram}" highlighted in a returned document`).toBe(true);
  }

  // Compare names the method
  await page.getByRole('tab', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Compare methods', exact: true })).toContainText(
    'Generative (SEAL n-grams)',
  );

  // the inspector: n-gram nodes with their corpus counts, an ended n-gram's documents
  await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Beam search inspector', exact: true });
  await inspector.getByRole('button', { name: 'Decode', exact: true }).click();
  const trees = inspector.getByRole('region', {
    name: 'Search trees: arrow keys step, space plays',
    exact: true,
  });
  await expect(trees).toBeVisible({ timeout: 60_000 });
  const labels = await trees.locator('svg tspan').allTextContents();
  expect(labels.some((t) => /×\d/.test(t))).toBe(true);
  const details = inspector.getByRole('region', { name: 'Selected node', exact: true });
  await trees.locator('g[data-status="finished"] a[role="button"]').first().click();
  await expect(details.getByTestId('ngram-count')).toContainText(
    /^Occurs [\d,]+ times? in the corpus/,
  );
  await expect(
    details
      .getByRole('list', { name: 'Documents of the n-gram', exact: true })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  await trees.getByRole('button', { name: 'start of the docid', exact: true }).click();
  await expect(details.getByTestId('masked-mass')).toContainText('The suffix array allows');
  expect(errors).toEqual([]);
});
