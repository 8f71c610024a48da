import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtinTestQuestion, openApp, waitForShippedModel } from './app';

const testQuery = builtinTestQuestion(2);

test('the inspector steps through a decoding whose leaves are the ranked results', async ({
  page,
}) => {
  const errors = await openApp(page, '/#inspect');
  await waitForShippedModel(page, 'Inspect');
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
  await expect(trees).toBeFocused();
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

  // probabilities read as percentages, log-probabilities say so, and nothing reads ".00" or "-0.00"
  const labels = await trees.locator('svg tspan').allTextContents();
  expect(labels.some((t) => /\d\u00a0%$/.test(t))).toBe(true);
  expect(labels.some((t) => /^log p [−-]?\d/.test(t))).toBe(true);
  const shown = [
    ...labels,
    ...(await inspector
      .getByRole('region', { name: 'Ranked results', exact: true })
      .allTextContents()),
  ];
  for (const text of shown) expect(text).not.toMatch(/(?<!\d)[-−]?0?\.00(?!\d)/);
  // labels are at least 12 px in the drawing
  const sizes = await trees
    .locator('svg[aria-label$="search tree"] text')
    .evaluateAll((ts) => ts.map((t) => Number(getComputedStyle(t).fontSize.replace('px', ''))));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);

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
  expect(groups).toEqual(['1', '2', '3']);
  const fills = await trees
    .locator('g[data-group][data-status="kept"] circle')
    .evaluateAll((cs) => new Set(cs.map((c) => c.getAttribute('fill'))).size);
  expect(fills).toBe(3);
  // the exported trace numbers groups as the page does, from 1
  const [diverseJson] = await Promise.all([
    page.waitForEvent('download'),
    inspector.getByRole('button', { name: 'Export trace (JSON)', exact: true }).click(),
  ]);
  const diverseTrace = JSON.parse(readFileSync(await diverseJson.path(), 'utf8'));
  expect([...new Set(diverseTrace.trace.map((e: { group: number }) => e.group))].sort()).toEqual([
    1, 2, 3,
  ]);
  const chips = await inspector.locator('.group-chip').allTextContents();
  expect(diverseTrace.hits.map((h: { group: number }) => `group ${h.group}`)).toEqual(chips);
  await inspector
    .getByRole('checkbox', { name: 'Compare with plain beam search side by side', exact: true })
    .check();
  await expect(trees.getByRole('figure', { name: /^Plain beam search — / })).toBeVisible({
    timeout: 60_000,
  });
  await expect(inspector.getByTestId('cluster-count')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('bad inspector settings say why, and only that: the older trees go', async ({ page }) => {
  await openApp(page, '/#inspect');
  const inspector = page.getByRole('region', { name: 'Beam search inspector', exact: true });
  await inspector.getByRole('textbox', { name: 'Query', exact: true }).fill(testQuery);
  await inspector.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(inspector.getByTestId('result-docid').first()).toBeVisible({ timeout: 150_000 });
  await inspector.getByRole('checkbox', { name: 'Diverse beam search', exact: true }).check();
  await inspector.getByRole('spinbutton', { name: 'Groups G', exact: true }).fill('4');
  await inspector.getByRole('spinbutton', { name: 'Groups G', exact: true }).blur();
  await expect(inspector.getByRole('alert')).toContainText('must divide the beam size');
  await expect(inspector.getByTestId('result-docid')).toHaveCount(0);
  await expect(inspector.getByTestId('tree-box')).toHaveCount(0);
  await expect(inspector.locator('g[data-rank]')).toHaveCount(0);
  // unconstrained decoding says how much mass leaves the trie
  await inspector.getByRole('spinbutton', { name: 'Groups G', exact: true }).fill('3');
  await inspector.getByRole('spinbutton', { name: 'Groups G', exact: true }).blur();
  await expect(inspector.getByRole('alert')).toHaveCount(0);
  await expect(inspector.getByTestId('result-docid').first()).toBeVisible({ timeout: 60_000 });
  await inspector
    .getByRole('checkbox', { name: 'Constrain to valid docids (trie)', exact: true })
    .uncheck();
  // the unconstrained decode replaces the trees when it is done: select its start node then
  await expect(async () => {
    await inspector
      .getByRole('button', { name: 'start of the docid', exact: true })
      .first()
      .click();
    await expect(inspector.getByTestId('masked-mass')).toContainText('Unconstrained', {
      timeout: 1_000,
    });
  }).toPass({ timeout: 60_000 });
});

test('diverse beam search says why it shows fewer results, and side by side both trees fit their boxes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const errors = await openApp(page, '/#inspect');
  const inspector = page.getByRole('region', { name: 'Beam search inspector', exact: true });
  await inspector.getByRole('textbox', { name: 'Query', exact: true }).fill(testQuery);
  await inspector.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(inspector.getByTestId('result-docid').first()).toBeVisible({ timeout: 150_000 });

  // the legend explains every mark: the badge, start and end
  const legend = inspector.getByRole('list', { name: 'Legend', exact: true });
  await expect(
    legend.getByRole('listitem').filter({ hasText: /^\+n n pruned alternatives hidden/ }),
  ).toHaveCount(1);
  await expect(
    legend.getByRole('listitem').filter({ hasText: /^start start: the empty docid/ }),
  ).toHaveCount(1);
  await expect(
    legend
      .getByRole('listitem')
      .filter({ hasText: /^end end: the model wrote the end token, so the docid is complete/ }),
  ).toHaveCount(1);
  await expect(legend).toContainText('log p −0.31 log-probability of the whole prefix');

  // 6 results asked of 3 diverse groups: 6 come back, or a note says how many and why
  await inspector.getByRole('checkbox', { name: 'Diverse beam search', exact: true }).check();
  const trees = inspector.getByRole('region', {
    name: 'Search trees: arrow keys step, space plays',
    exact: true,
  });
  await expect(
    trees.getByRole('figure', { name: /^Diverse beam search \(G=3, λ=1\)/ }),
  ).toBeVisible({
    timeout: 60_000,
  });
  const shown = await inspector.getByTestId('result-docid').count();
  const note = inspector.getByTestId('shortfall-note');
  if (shown < 6) {
    const text = (await note.textContent())!;
    expect(text).toMatch(/^Asked for 6 results; /);
    expect(Number(text.match(/so (\d+) distinct results? (?:are|is) shown\.$/)![1])).toBe(shown);
    // the repeats it names are groups of this search, numbered from 1
    for (const [, later, earlier] of text.matchAll(
      /group (\d) ended with the same docids? as group (\d)/g,
    )) {
      expect(Number(earlier)).toBeGreaterThanOrEqual(1);
      expect(Number(later)).toBeGreaterThan(Number(earlier));
      expect(Number(later)).toBeLessThanOrEqual(3);
    }
  } else {
    expect(shown).toBe(6);
    await expect(note).toHaveCount(0);
  }

  // side by side: each tree is fitted to its box, its last result leaf inside the visible box
  await inspector
    .getByRole('checkbox', { name: 'Compare with plain beam search side by side', exact: true })
    .check();
  const plainFigure = trees.getByRole('figure', { name: /^Plain beam search — / });
  await expect(plainFigure).toBeVisible({ timeout: 60_000 });
  const diverseFigure = trees.getByRole('figure', { name: /^Diverse beam search / });
  for (const figure of [plainFigure, diverseFigure]) {
    const box = figure.getByTestId('tree-box');
    const leaves = figure.locator('g[data-rank]');
    const last = await leaves.evaluateAll((gs) =>
      Math.max(...gs.map((g) => Number(g.getAttribute('data-rank')))),
    );
    const leaf = (await figure.locator(`g[data-rank="${last}"]`).boundingBox())!;
    const frame = (await box.boundingBox())!;
    expect(leaf.x).toBeGreaterThanOrEqual(frame.x);
    expect(leaf.y).toBeGreaterThanOrEqual(frame.y);
    expect(leaf.x + leaf.width).toBeLessThanOrEqual(frame.x + frame.width);
    expect(leaf.y + leaf.height).toBeLessThanOrEqual(frame.y + frame.height);
    // nothing to scroll inside the box when fitted
    const overflow = await box.evaluate((b) => [
      b.scrollWidth - b.clientWidth,
      b.scrollHeight - b.clientHeight,
    ]);
    expect(overflow).toEqual([0, 0]);
  }

  // zoom in for details (the box then scrolls and pans), and fit again
  const zoom = diverseFigure.getByRole('toolbar', { name: /^Zoom: / });
  const fitted = await zoom.getByTestId('zoom-level').textContent();
  await zoom.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await zoom.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await zoom.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect(zoom.getByTestId('zoom-level')).not.toHaveText(fitted!);
  const box = diverseFigure.getByTestId('tree-box');
  expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
  await box.scrollIntoViewIfNeeded();
  const frame = (await box.boundingBox())!;
  // zooming keeps the box's centre in view: the box scrolls away from its left edge
  const before = await box.evaluate((b) => b.scrollLeft);
  expect(before).toBeGreaterThan(0);
  // dragging right pans the tree right (towards its start)
  const [cx, cy] = [frame.x + frame.width / 2, frame.y + 30];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 60, cy, { steps: 4 });
  await page.mouse.up();
  expect(await box.evaluate((b) => b.scrollLeft)).toBe(Math.max(0, before - 60));
  await zoom.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect(zoom.getByTestId('zoom-level')).toHaveText(fitted!);
  expect(errors).toEqual([]);
});
