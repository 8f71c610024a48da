import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { GLOSSARY, TERM_IDS } from '../src/ui/glossary';
import { openApp } from './app';

const jsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

// the built-in corpus and its shipped model, read from the files the page loads
const docs: { _id: string; title: string }[] = jsonl('public/corpora/genir-demo/corpus.jsonl');
const testIds = new Set(
  readFileSync('public/corpora/genir-demo/qrels/test.tsv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0]),
);
// the judged test questions in query order, as Compare's picker lists them
const judged: { _id: string; text: string }[] = jsonl(
  'public/corpora/genir-demo/queries.jsonl',
).filter((q) => testIds.has(q._id));
const shipped = JSON.parse(readFileSync('public/models/genir-demo/config.json', 'utf8'));
const shippedDocids = JSON.parse(readFileSync('public/models/genir-demo/docids.json', 'utf8'));
const shippedMetrics = JSON.parse(readFileSync('public/models/genir-demo/metrics.json', 'utf8'));

const learnPanel = (page: Page) => page.getByRole('tabpanel');

/** Press Next by keyboard and check the step it lands on. */
async function next(page: Page, step: number, title: string) {
  await page.getByRole('button', { name: 'Next', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('learn-progress')).toHaveText(`Step ${step} of 6`);
  await expect(
    learnPanel(page).getByRole('heading', { level: 3, name: title, exact: true }),
  ).toBeVisible();
}

test('the Learn path walks from the first step to the last with live facts of the built-in corpus', async ({
  page,
}) => {
  const errors = await openApp(page, '/#learn');
  await expect(page.getByRole('tab', { name: 'Learn', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const panel = learnPanel(page);
  await expect(page.getByTestId('learn-progress')).toHaveText('Step 1 of 6');
  await expect(page.getByRole('button', { name: 'Back', exact: true })).toBeDisabled();
  await expect(page.getByTestId('learn-corpus')).toHaveText(
    `Loaded now: the corpus genir-demo with 156 documents and ${judged.length} test questions whose right answers are known.`,
  );

  // step 2: the shipped model's docid of the corpus's first document
  await next(page, 2, 'What is a docid?');
  expect(shippedDocids.scheme).toBe('atomic'); // atomic docids read as the document's id
  await expect(page.getByTestId('learn-doc-title')).toHaveText(docs[0].title);
  await expect(page.getByTestId('learn-docid')).toHaveText(docs[0]._id);
  await expect(panel).toContainText('(atomic docids)');

  // Back and Next move one step each
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByTestId('learn-progress')).toHaveText('Step 1 of 6');
  await next(page, 2, 'What is a docid?');

  // step 3: the model in use, with the settings it was trained with
  await next(page, 3, 'How the model is trained');
  const { model, epochs, batchSize } = shipped.training;
  const model3 = page.getByTestId('learn-model');
  await expect(model3).toContainText('In use: the checkpoint shipped with the app, a Transformer');
  await expect(model3).toContainText(
    `${model.dModel} numbers wide, ${model.heads} attention heads`,
  );
  await expect(model3).toContainText(/\(\d+\.\d\d M parameters\), using atomic docids/);
  await expect(model3).toContainText(`trained for ${epochs} epochs`);
  await expect(model3).toContainText(`in batches of ${batchSize}`);

  // step 4: the inspector's example question and its real settings
  await next(page, 4, 'Why beam search is constrained');
  await expect(page.getByTestId('learn-question')).toHaveText(judged[0].text);
  // the inspector's own settings (the next test checks the number against its Beam size field)
  await expect(panel).toContainText(
    /The inspector decodes with a beam of \d+, kept by the trie to the 156 docids that exist\./,
  );

  // step 5: a judged test question for Compare
  await next(page, 5, 'Generative vs dense vs BM25');
  await expect(page.getByTestId('learn-question')).toHaveText(judged[1].text);
  await expect(panel).toContainText('Judged right: ');

  // step 6: the scores the shipped model recorded
  await next(page, 6, 'How good is each method?');
  await expect(page.getByTestId('learn-scores')).toContainText(
    `Hits@10 ${shippedMetrics['Hits@10'].toFixed(3)}`,
  );
  await expect(page.getByTestId('learn-scores')).toContainText(
    `on ${shippedMetrics.queries} dev questions`,
  );
  await expect(page.getByRole('button', { name: 'Start again', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Evaluate every method', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Evaluate', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page).toHaveURL(/#evaluate$/);
  await expect(page.getByRole('region', { name: 'Evaluation', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a step’s button asks its question where it happens, and the Learn tab reopens at that step', async ({
  page,
}) => {
  await openApp(page, '/#learn');
  // the step list jumps straight to a step
  await learnPanel(page)
    .getByRole('button', { name: 'Why beam search is constrained', exact: true })
    .click();
  await expect(page.getByTestId('learn-progress')).toHaveText('Step 4 of 6');
  const beam = (await learnPanel(page)
    .getByText(/decodes with a beam of/)
    .textContent())!.match(/beam of (\d+)/)![1];
  await page.getByRole('button', { name: 'Decode it in Inspect', exact: true }).click();
  await expect(page).toHaveURL(/#inspect$/);
  const inspector = page.getByRole('region', { name: 'Beam search inspector', exact: true });
  await expect(inspector.getByRole('textbox', { name: 'Query', exact: true })).toHaveValue(
    judged[0].text,
  );
  await expect(inspector.getByRole('spinbutton', { name: 'Beam size', exact: true })).toHaveValue(
    beam,
  );
  // the inspector decodes the question by itself
  await expect(
    inspector.getByRole('region', { name: 'Search trees: arrow keys step, space plays' }),
  ).toBeVisible({ timeout: 150_000 });

  await page.getByRole('tab', { name: 'Learn', exact: true }).click();
  await expect(page.getByTestId('learn-progress')).toHaveText('Step 4 of 6');
  await next(page, 5, 'Generative vs dense vs BM25');
  await page.getByRole('button', { name: 'Compare the methods on it', exact: true }).click();
  await expect(page).toHaveURL(/#compare$/);
  const compare = page.getByRole('region', { name: 'Compare methods', exact: true });
  await expect(compare.getByRole('textbox', { name: 'Query', exact: true })).toHaveValue(
    judged[1].text,
  );
  await expect(
    compare.getByRole('region', { name: 'BM25', exact: true }).getByRole('listitem').first(),
  ).toBeVisible();
});

test('Skip lands on Search and is remembered when the Learn tab is opened again', async ({
  page,
}) => {
  await openApp(page, '/#learn');
  await next(page, 2, 'What is a docid?');
  await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Search', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page).toHaveURL(/#search$/);
  await expect(page.getByRole('textbox', { name: 'Query', exact: true })).toBeVisible();

  // a reload keeps it: the path says it was skipped and waits at the same step
  await openApp(page, '/#learn');
  await expect(learnPanel(page)).toContainText(
    'You skipped the path earlier; it waits at step 2 whenever you want it.',
  );
  await expect(page.getByTestId('learn-progress')).toHaveText('Step 2 of 6');
  await next(page, 3, 'How the model is trained');
  await expect(learnPanel(page)).not.toContainText('You skipped the path earlier');
});

test('a glossary term opens its definition by keyboard, Escape closes it, and the glossary lists every term', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await openApp(page);
  const term = page
    .getByRole('region', { name: 'Generative results', exact: true })
    .getByRole('button', { name: 'DSI', exact: true });
  // reachable with Tab from the query box
  await page.getByRole('textbox', { name: 'Query', exact: true }).focus();
  for (let i = 0; i < 30 && !(await term.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(term).toBeFocused();
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  const widthBefore = await pageWidth();

  await page.keyboard.press('Enter');
  const definition = page.getByRole('dialog', { name: GLOSSARY.dsi.name, exact: true });
  await expect(definition).toBeVisible();
  await expect(definition).toContainText(GLOSSARY.dsi.definition);
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  // on a phone it fits the screen and does not widen the page
  const box = (await definition.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await pageWidth()).toBe(widthBefore);

  await page.keyboard.press('Escape');
  await expect(definition).toBeHidden();
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  await expect(term).toBeFocused();

  // Evaluate defines its metrics with the glossary's words
  await page.getByRole('tab', { name: 'Evaluate', exact: true }).click();
  const scores = page.getByRole('region', { name: 'What the scores mean', exact: true });
  await expect(scores.getByRole('term')).toHaveText(
    ['hits-at-k', 'mrr', 'ndcg', 'recall'].map((id) => GLOSSARY[id as 'mrr'].name),
  );
  await expect(scores).toContainText(GLOSSARY.mrr.definition);

  // the Learn panel's glossary holds every term
  await page.getByRole('tab', { name: 'Learn', exact: true }).click();
  const glossary = page.getByRole('region', { name: 'Glossary', exact: true });
  await expect(glossary.getByRole('term')).toHaveText(TERM_IDS.map((id) => GLOSSARY[id].name));
  await expect(glossary.getByRole('definition')).toHaveText(
    TERM_IDS.map((id) => GLOSSARY[id].definition),
  );
});
