import { expect, test } from '@playwright/test';
import { builtinTestQuestion, engineActivity, openApp, openFirstScreen } from './app';

test('typing a 40-character question at 30 keys/s starts at most 3 beam searches', async ({
  page,
}) => {
  const errors = await openApp(page);
  await expect(page.getByTestId('model-in-use')).toBeVisible({ timeout: 60_000 });
  const question = 'why is venus hotter than mercury is now?';
  expect(question).toHaveLength(40);
  const before = await engineActivity(page);
  // 33 ms between keys, well inside the 150 ms debounce even when a busy machine delays a key
  await page.getByRole('textbox', { name: 'Query', exact: true }).pressSequentially(question, {
    delay: 33,
  });
  const results = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(results.getByRole('listitem')).toHaveCount(10);
  await expect(page.getByRole('region', { name: 'BM25 results', exact: true })).toBeVisible();
  const after = await engineActivity(page);
  const searches = after.beamSearches - before.beamSearches;
  console.log(`typing 40 characters at 30 keys/s: ${searches} beam searches run`);
  expect(searches).toBeGreaterThanOrEqual(1);
  expect(searches).toBeLessThanOrEqual(3);
  expect(errors).toEqual([]);
});

test('a question typed before the app has rendered is decoded by the worker before the app asks', async ({
  page,
}) => {
  const { errors, release, box } = await openFirstScreen(page);
  await box.fill(builtinTestQuestion(2));
  release();
  const results = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(results.getByRole('listitem')).toHaveCount(10, { timeout: 60_000 });
  // the app's first search took the decode the typing started (worker/firstAnswers.ts)
  expect(await engineActivity(page)).toMatchObject({ earlyAnswers: 1, firstAnswers: 1 });
  expect(errors).toEqual([]);
});

test('after the shipped models answer 1,000+ queries each, the engine holds no more tensors than before', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openApp(page, '/#evaluate');
  await expect(page.getByText(/Not loaded yet/)).toHaveCount(0, { timeout: 60_000 });
  const evaluate = page.getByRole('button', { name: 'Evaluate all methods', exact: true });
  const table = page.getByRole('table', { name: 'Metrics', exact: true });
  // one warm-up run: TF.js may make lasting tensors on a kernel's first use
  await evaluate.click();
  await expect(evaluate).toBeEnabled({ timeout: 120_000 });
  await expect(table).toBeVisible();
  const note = await page.getByText(/^test split: \d+ queries/).textContent();
  const queries = Number(note!.match(/(\d+) queries/)![1]);
  expect(queries).toBe(195);
  const start = await engineActivity(page);
  const runs = Math.ceil(1000 / queries);
  for (let i = 0; i < runs; i++) {
    await evaluate.click();
    await expect(evaluate).toBeEnabled({ timeout: 120_000 });
  }
  const end = await engineActivity(page);
  console.log(
    `${end.beamSearches - start.beamSearches} generative and ${end.denseSearches - start.denseSearches} dense queries: tensors ${start.tensors} → ${end.tensors}`,
  );
  expect(end.beamSearches - start.beamSearches).toBeGreaterThanOrEqual(1000);
  expect(end.denseSearches - start.denseSearches).toBeGreaterThanOrEqual(1000);
  expect(end.tensors).toBe(start.tensors);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test.describe('with no service worker fetching files of its own', () => {
  test.use({ serviceWorkers: 'block' });

  test('a question in the address is decoded as soon as the model is there, and answered before the dense model is fetched', async ({
    page,
  }) => {
    const question = builtinTestQuestion(1);
    const generative = page.getByRole('region', { name: 'Generative results', exact: true });
    // for each request of the dense checkpoint: was the generative answer on screen already?
    const answeredBefore: boolean[] = [];
    await page.route('**/models/genir-demo-dense/**', async (route) => {
      answeredBefore.push((await generative.getByRole('listitem').count()) > 0);
      await route.continue();
    });
    await page.goto(`/?q=${encodeURIComponent(question)}`);
    await expect(generative.getByRole('listitem')).toHaveCount(10, { timeout: 60_000 });
    // the dense model still comes: its four files (model, weights, tokenizer, embeddings)
    await expect.poll(() => answeredBefore.length, { timeout: 60_000 }).toBe(4);
    expect(answeredBefore).toEqual([true, true, true, true]);
    // the link's question was decoded as soon as the model was there, and that decode answered
    expect((await engineActivity(page)).earlyAnswers).toBe(1);
  });
});

test('the first answer comes before TF.js has started, from the same model in plain JavaScript, and TF.js then answers alike', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const question = builtinTestQuestion(2);
  const generative = page.getByRole('region', { name: 'Generative results', exact: true });
  const titles = () => generative.getByRole('listitem').allTextContents();
  await page.goto(`/?q=${encodeURIComponent(question)}`);
  await expect(generative.getByRole('listitem')).toHaveCount(10, { timeout: 60_000 });
  const first = await titles();
  expect((await engineActivity(page)).firstAnswers).toBe(1);
  // once TF.js holds the model, the same question is decoded by it
  await expect
    .poll(async () => (await engineActivity(page)).plainAnswering, { timeout: 60_000 })
    .toBe(false);
  const box = page.getByRole('textbox', { name: 'Query', exact: true });
  await box.fill('venus');
  await expect(generative).toContainText('venus', { ignoreCase: true, timeout: 60_000 });
  await box.fill(question);
  await expect.poll(titles, { timeout: 60_000 }).toEqual(first);
  const after = await engineActivity(page);
  expect(after.firstAnswers).toBe(1);
  expect(after.beamSearches).toBeGreaterThanOrEqual(3);
  expect(errors).toEqual([]);
});
