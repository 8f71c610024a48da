import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtinTestQuestion, openApp } from './app';

const testQuery = builtinTestQuestion(2);

test('the inspector steps through a decoding whose leaves are the ranked results', async ({
  page,
}) => {
  const errors = await openApp(page, '/#inspect');
  const inspector = page.getByRole('region', { name: 'Beam search inspector', exact: true });
  await inspector.getByRole('textbox', { name: 'Query', exact: true }).fill(testQuery);
  await inspector.getByRole('button', { name: 'Decode', exact: true }).click();
  const trees = inspector.getByRole('region', {
    name: 'Search trees: arrow keys step, space plays',
    exact: true,
  });
  await expect(trees).toBeVisible({ timeout: 150_000 });
  const stepLabel = page.getByTestId('step-label');
  const steps = Number((await stepLabel.textContent())!.match(/of (\d+)/)![1]);
  expect(steps).toBeGreaterThan(1);

  // keyboard: back to the start, then one arrow press per decoding step
  await trees.focus();
  await page.keyboard.press('Home');
  await expect(stepLabel).toHaveText(`step 0 of ${steps}`);
  await expect(trees.locator('g[data-status="kept"]')).toHaveCount(0);
  for (let s = 1; s <= steps; s++) {
    await page.keyboard.press('ArrowRight');
    await expect(stepLabel).toHaveText(`step ${s} of ${steps}`);
  }
  const ranked = await inspector.getByTestId('result-docid').allTextContents();
  expect(ranked.length).toBe(6);
  const leaves = trees.locator('g[data-rank]');
  await expect(leaves).toHaveCount(ranked.length);
  const byRank = await leaves.evaluateAll((gs) =>
    gs
      .map((g) => [Number(g.getAttribute('data-rank')), g.getAttribute('data-docid')] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, docid]) => docid),
  );
  expect(byRank).toEqual(ranked);

  // the start node's next-token chart, with the trie's mask
  await trees.getByRole('button', { name: 'start of the docid', exact: true }).click();
  const details = inspector.getByRole('region', { name: 'Selected node', exact: true });
  await expect(details.getByRole('img', { name: /^Next-token probabilities: / })).toBeVisible();
  await expect(details.getByTestId('masked-mass')).toContainText('The trie allows');
  // a result leaf opens its document
  await trees.getByRole('button', { name: /^result 1: docid/ }).click();
  await expect(details.getByRole('article', { name: 'Document', exact: true })).toBeVisible();

  // the trace and the tree download
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    inspector.getByRole('button', { name: 'Export trace (JSON)', exact: true }).click(),
  ]);
  const trace = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(trace.query).toBe(testQuery);
  expect(trace.trace).toHaveLength(steps);
  expect(trace.hits.map((h: { label: string }) => h.label)).toEqual(ranked);
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    inspector.getByRole('button', { name: 'Export tree (SVG)', exact: true }).click(),
  ]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // the file says what it shows: the query, the settings and a legend
  expect(svgText).toContain(`>Query: ${testQuery}</text>`);
  expect(svgText).toMatch(
    />Settings: beam 6, 6 results, α 0, constrained to the docid trie, plain beam search<\/text>/,
  );
  expect(svgText).toContain('>Legend: solid = kept in the beam;');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    inspector.getByRole('button', { name: 'Export tree (PNG)', exact: true }).click(),
  ]);
  expect(
    readFileSync(await png.path())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');

  // diverse beam search: three groups, three colours, and the plain search beside it; a strong
  // penalty (λ = 5) so that no group repeats an earlier group's documents
  await inspector.getByRole('checkbox', { name: 'Diverse beam search', exact: true }).check();
  const strength = inspector.getByRole('spinbutton', { name: 'Diversity strength λ', exact: true });
  await strength.fill('5');
  await strength.blur();
  await expect(
    trees.getByRole('figure', { name: /^Diverse beam search \(G=3, λ=5\)/ }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect(inspector.getByTestId('group-swatch')).toHaveCount(3);
  const groups = await trees
    .locator('g[data-group]')
    .evaluateAll((gs) => [...new Set(gs.map((g) => g.getAttribute('data-group')))].sort());
  expect(groups).toEqual(['0', '1', '2']);
  const fills = await trees
    .locator('g[data-group][data-status="kept"] circle')
    .evaluateAll((cs) => new Set(cs.map((c) => c.getAttribute('fill'))).size);
  expect(fills).toBe(3);
  await inspector
    .getByRole('checkbox', { name: 'Compare with plain beam search side by side', exact: true })
    .check();
  await expect(trees.getByRole('figure', { name: /^Plain beam search — / })).toBeVisible({
    timeout: 60_000,
  });
  await expect(inspector.getByTestId('cluster-count')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('bad inspector settings say why and keep the tree', async ({ page }) => {
  await openApp(page, '/#inspect');
  const inspector = page.getByRole('region', { name: 'Beam search inspector', exact: true });
  await inspector.getByRole('textbox', { name: 'Query', exact: true }).fill(testQuery);
  await inspector.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(inspector.getByTestId('result-docid').first()).toBeVisible({ timeout: 150_000 });
  await inspector.getByRole('checkbox', { name: 'Diverse beam search', exact: true }).check();
  await inspector.getByRole('spinbutton', { name: 'Groups G', exact: true }).fill('4');
  await inspector.getByRole('spinbutton', { name: 'Groups G', exact: true }).blur();
  await expect(inspector.getByRole('alert')).toContainText('must divide the beam size');
  await expect(inspector.getByTestId('result-docid').first()).toBeVisible();
  // unconstrained decoding says how much mass leaves the trie
  await inspector.getByRole('spinbutton', { name: 'Groups G', exact: true }).fill('3');
  await inspector.getByRole('spinbutton', { name: 'Groups G', exact: true }).blur();
  await inspector
    .getByRole('checkbox', { name: 'Constrain to valid docids (trie)', exact: true })
    .uncheck();
  await inspector.getByRole('button', { name: 'start of the docid', exact: true }).first().click();
  await expect(inspector.getByTestId('masked-mass')).toContainText('Unconstrained');
});
