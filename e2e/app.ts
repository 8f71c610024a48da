import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** Open the page and wait until the built-in corpus is loaded and indexed. */
export async function openApp(page: Page, path = '/') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText(
    'genir-demo (built-in) · 156 docs',
  );
  return errors;
}

export const file = (name: string, text: string | Buffer) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
});

/** Pick files through the Corpus panel's file picker. */
export async function pickFiles(page: Page, files: ReturnType<typeof file>[]) {
  await page.getByRole('tab', { name: 'Corpus', exact: true }).click();
  await page.getByLabel('Choose corpus files', { exact: true }).setInputFiles(files);
}

/** The text of the built-in corpus's `n`-th judged test question (1 = the first line after the header). */
export function builtinTestQuestion(n: number): string {
  const lines = readFileSync('public/corpora/genir-demo/qrels/test.tsv', 'utf8').split('\n');
  const queryId = lines[n].split('\t')[0];
  const line = readFileSync('public/corpora/genir-demo/queries.jsonl', 'utf8')
    .split('\n')
    .find((l) => l.includes(`"${queryId}"`))!;
  return JSON.parse(line).text as string;
}

export interface EngineActivity {
  beamSearches: number;
  denseSearches: number;
  superseded: number;
  earlyAnswers: number;
  firstAnswers: number;
  /** the engine answers without TF.js still (it has not loaded the model yet) */
  plainAnswering: boolean;
  tensors: number;
}

/** The engine worker's counters and live TF.js tensors, read afresh through the header's Engine details. */
export async function engineActivity(page: Page): Promise<EngineActivity> {
  const details = page.getByRole('group', { name: 'Engine details', exact: true });
  if ((await details.getAttribute('open')) === null) {
    await details.getByText('Engine details', { exact: true }).click();
  }
  const refresh = details.getByRole('button', { name: 'Refresh', exact: true });
  await refresh.click();
  await expect(refresh).toBeEnabled();
  const count = async (id: string) => Number(await details.getByTestId(id).textContent());
  return {
    beamSearches: await count('engine-beam-searches'),
    denseSearches: await count('engine-dense-searches'),
    superseded: await count('engine-superseded'),
    earlyAnswers: await count('engine-early-answers'),
    firstAnswers: await count('engine-first-answers'),
    plainAnswering: (await details.getByTestId('engine-plain-answering').count()) > 0,
    tensors: await count('engine-tensors'),
  };
}

/** Load pasted paragraphs as the corpus, through the Corpus panel. */
export async function pasteCorpus(page: Page, text: string, docs: number) {
  await page.getByRole('tab', { name: 'Corpus', exact: true }).click();
  await page.getByLabel('Or paste text, one document per paragraph:', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Load pasted text', exact: true }).click();
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText(
    `pasted (pasted) · ${docs} docs`,
  );
}

/**
 * Wait until the shipped generative checkpoint is the model in use (the Index panel says so), then
 * come back to `panel`: a decode started earlier is redrawn when the model arrives.
 */
export async function waitForShippedModel(page: Page, panel: string) {
  await page.getByRole('tab', { name: 'Index', exact: true }).click();
  await expect(page.getByText(/^The checkpoint shipped with the app \(/)).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('tab', { name: panel, exact: true }).click();
}

/** Holds the app's script back until the returned function is called (index.html alone shows). */
async function holdAppScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/renderApp-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Open `path` with the app's script held back, so the page is its first screen (index.html)
 * until `release` is called; `errors` collects the page's uncaught errors.
 */
export async function openFirstScreen(page: Page, path = '/') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const release = await holdAppScript(page);
  await page.goto(path);
  return { errors, release, box: page.getByRole('textbox', { name: 'Query', exact: true }) };
}
