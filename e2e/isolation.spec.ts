import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app';

/** The header's text with every disclosure in it opened (the engine details among them). */
async function headerDetails(page: Page): Promise<string> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('header details'))
      (d as HTMLDetailsElement).open = true;
  });
  return page.locator('header').innerText();
}

async function answersWithWasm(page: Page) {
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('whale song');
  const generative = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(generative.getByRole('listitem')).toHaveCount(10, { timeout: 60_000 });
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');
}

test('the page is cross-origin isolated, so the wasm backend can run threads when asked', async ({
  page,
}) => {
  await openApp(page, '/?backend=wasm&threads=2#search');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await answersWithWasm(page);
  await expect.poll(() => headerDetails(page)).toContain('WebAssembly SIMD, 2 threads');
  // by default one thread (measured faster on two cores), and the page says how to ask for more
  await page.goto('/?backend=wasm#search');
  await answersWithWasm(page);
  await expect
    .poll(() => headerDetails(page))
    .toContain('WebAssembly SIMD, one thread (?threads=N in the address runs N)');
});

test('without cross-origin isolation the page still answers, on one thread, and says why', async ({
  browser,
}) => {
  // a host that sends no COOP/COEP headers (and no service worker to add anything back)
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/*', async (route) => {
    try {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    } catch {
      // the page dropped the request, or the context closed, while it was on its way (a download
      // still under way at the end: "Fetch response has been disposed" failed this test once)
    }
  });
  const page = await context.newPage();
  await openApp(page, '/?backend=wasm#search');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await answersWithWasm(page);
  await expect
    .poll(() => headerDetails(page))
    .toContain(
      'WebAssembly SIMD, one thread (the page is not cross-origin isolated, so no threads)',
    );
  await context.close();
});
