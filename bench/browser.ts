import { chromium, type Browser } from 'playwright';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';

export interface PageSession {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/** Serve the production build (`dist/`, run `vite build` first) on localhost and start Chromium. */
export async function startPageSession(port = 4183): Promise<PageSession> {
  const server: PreviewServer = await preview({
    preview: { host: 'localhost', port, strictPort: true },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    browser,
    url: `http://localhost:${port}/`,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
