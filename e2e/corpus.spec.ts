import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { file, openApp, pickFiles, pasteCorpus } from './app';

const CORPUS = [
  '{"_id": "k1", "title": "Kiwi bird", "text": "The kiwi is a flightless bird from New Zealand."}',
  '{"_id": "k2", "title": "Kiwifruit", "text": "Kiwifruit is a fuzzy brown berry with green flesh."}',
  '{"_id": "k3", "title": "Moa", "text": "Moa were giant flightless birds hunted to extinction."}',
].join('\n');
const QUERIES = '{"_id": "a", "text": "flightless bird"}\n{"_id": "b", "text": "green fruit"}\n';
const QRELS_TEST = 'query-id\tcorpus-id\tscore\na\tk1\t1\na\tk3\t1\nb\tk2\t1\nb\tghost\t1\n';
const QRELS_TRAIN = 'query-id\tcorpus-id\tscore\nb\tk2\t1\n';

test('the Corpus panel shows counts, length statistics and a filterable, paged table', async ({
  page,
}) => {
  await openApp(page, '/#corpus');
  await expect(page.getByTestId('doc-count')).toHaveText('156');
  await expect(page.getByTestId('query-count')).toHaveText('795');
  // a seeded 15% of the train questions become the dev split (tuning reads dev, never test)
  await expect(page.getByTestId('split-train')).toHaveText('510 queries · 510 qrels');
  await expect(page.getByTestId('split-dev')).toHaveText('90 queries · 90 qrels');
  await expect(page.getByTestId('split-test')).toHaveText('195 queries · 195 qrels');
  await expect(page.getByLabel('Words per document', { exact: true })).toContainText(/median \d+/);
  await expect(page.getByText('Page 1 of 8', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Next page', exact: true }).click();
  await expect(page.getByText('Page 2 of 8', { exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter documents', exact: true }).fill('volcano');
  await expect(page.getByRole('status', { name: 'Matching documents', exact: true })).toContainText(
    /^\d+ of 156 documents$/,
  );
  await expect(page.getByRole('cell', { name: 'Stratovolcano', exact: true })).toBeVisible();
});

test('a BEIR collection loads from picked files, and its unknown qrels ids are counted and skipped', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [
    file('corpus.jsonl', CORPUS),
    file('queries.jsonl', QUERIES),
    file('test.tsv', QRELS_TEST),
    file('train.tsv', QRELS_TRAIN),
  ]);
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText(
    '(files) · 3 docs',
  );
  await expect(page.getByTestId('split-test')).toHaveText('2 queries · 3 qrels');
  await expect(page.getByLabel('Load warnings', { exact: true })).toContainText(
    'skipped 1 judgments (1 naming unknown documents)',
  );
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('flightless');
  await expect(
    page.getByRole('region', { name: 'BM25 results', exact: true }).getByRole('listitem'),
  ).toHaveCount(2);
});

test('a .zip of a BEIR folder loads, by file picker and by drag and drop', async ({ page }) => {
  await openApp(page);
  const zip = Buffer.from(
    zipSync({
      'kiwi/corpus.jsonl': Buffer.from(CORPUS),
      'kiwi/queries.jsonl': Buffer.from(QUERIES),
      'kiwi/qrels/test.tsv': Buffer.from(QRELS_TEST),
    }),
  );
  await pickFiles(page, [file('kiwi.zip', zip)]);
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText(
    'kiwi (files) · 3 docs',
  );

  await page.getByRole('button', { name: 'Load the built-in corpus', exact: true }).click();
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText(
    'genir-demo (built-in)',
  );
  const drop = await page.evaluateHandle(
    (bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'dropped.zip'));
      return dt;
    },
    [...zip],
  );
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText(
    'kiwi (files) · 3 docs',
  );
});

test('a CSV with id,title,text columns and pasted paragraphs load', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [
    file(
      'notes.csv',
      'title,text,id\n"Tea, green","Green tea is steamed.",t1\nCoffee,Roasted beans.,t2\n',
    ),
  ]);
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText(
    'notes (files) · 2 docs',
  );
  await expect(page.getByRole('cell', { name: 'Tea, green', exact: true })).toBeVisible();

  await pasteCorpus(page, 'Otters\nOtters hold hands.\n\nBeavers build dams.', 2);
  await expect(page.getByRole('cell', { name: 'Otters', exact: true })).toBeVisible();
});

const BAD_INPUTS: { what: string; files: ReturnType<typeof file>[]; message: RegExp }[] = [
  {
    what: 'a malformed JSONL line',
    files: [file('corpus.jsonl', '{"_id": "a", "text": "ok"}\n{"_id": "b", "text": broken}\n')],
    message: /corpus\.jsonl, line 2: not valid JSON/,
  },
  {
    what: 'a missing field',
    files: [file('corpus.jsonl', '{"_id": "a", "text": "ok"}\n{"title": "no id", "text": "x"}\n')],
    message: /corpus\.jsonl, line 2: missing field "_id"/,
  },
  {
    what: 'a duplicate id',
    files: [file('corpus.jsonl', '{"_id": "a", "text": "one"}\n{"_id": "a", "text": "two"}\n')],
    message: /line 2: duplicate document id "a" \(first on line 1\)/,
  },
  {
    what: 'an empty file',
    files: [file('corpus.jsonl', '')],
    message: /corpus\.jsonl: the file is empty/,
  },
  {
    what: 'a non-UTF-8 file',
    files: [
      file(
        'corpus.jsonl',
        Buffer.from([...Buffer.from('{"_id": "a", "text": "caf'), 0xe9, ...Buffer.from('"}\n')]),
      ),
    ],
    message: /corpus\.jsonl, line 1: not valid UTF-8/,
  },
  {
    what: 'a CSV without the needed columns',
    files: [file('docs.csv', 'name,body\nx,y\n')],
    message:
      /docs\.csv, line 1: needs a header row with columns id, title \(optional\) and text; missing "id"/,
  },
  {
    what: 'a malformed qrels line',
    files: [
      file('corpus.jsonl', CORPUS),
      file('queries.jsonl', QUERIES),
      file('test.tsv', 'a\tk1\n'),
    ],
    message: /test\.tsv, line 1: expected 3 tab-separated columns/,
  },
];

for (const { what, files, message } of BAD_INPUTS) {
  test(`${what} gets a clear message and the loaded corpus stays`, async ({ page }) => {
    await openApp(page);
    await pickFiles(page, files);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('alert')).toContainText(
      'The corpus already loaded is still in use',
    );
    await expect(page.getByLabel('Current corpus', { exact: true })).toContainText(
      'genir-demo (built-in) · 156 docs',
    );
    await page.getByRole('tab', { name: 'Search', exact: true }).click();
    await page.getByRole('textbox', { name: 'Query', exact: true }).fill('volcano');
    await expect(
      page.getByRole('region', { name: 'BM25 results', exact: true }).getByRole('listitem').first(),
    ).toBeVisible();
  });
}

test('a large corpus loads in the worker with a progress bar while the page stays usable', async ({
  page,
}) => {
  await openApp(page);
  const words =
    'alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega river mountain'.split(' ');
  const lines: string[] = [];
  for (let i = 0; i < 20000; i++) {
    const text = Array.from({ length: 60 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(
      ' ',
    );
    lines.push(JSON.stringify({ _id: `g${i}`, title: `Generated ${i}`, text }));
  }
  await pickFiles(page, [file('corpus.jsonl', lines.join('\n'))]);
  await expect(
    page.getByRole('progressbar', { name: 'Corpus loading', exact: true }),
  ).toBeVisible();
  // the main thread still answers while the worker parses and indexes
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Search', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByLabel('Current corpus', { exact: true })).toContainText(
    'corpus (files) · 20,000 docs',
    {
      timeout: 60_000,
    },
  );
});
