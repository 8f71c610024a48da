import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH, keptWasmProbe } from '../e2e/browser';

export interface PageSession {
  browser: Browser;
  url: string;
  /**
   * A page in a fresh context of a browser that has timed its backends before (kept wasm), so the
   * backend probe does not run in the background of what a suite measures.
   */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Serve the production build (`dist/`, run `vite build` first) on localhost and start Chromium. */
export async function startPageSession(port = 4183): Promise<PageSession> {
  const server: PreviewServer = await preview({
    preview: { host: 'localhost', port, strictPort: true },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const origin = `http://localhost:${port}`;
  return {
    browser,
    url: `${origin}/`,
    newPage: (options) => browser.newPage({ ...options, storageState: keptWasmProbe(origin) }),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
