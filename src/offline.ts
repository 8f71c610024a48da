import { registerSW } from 'virtual:pwa-register';

/** How long after the page has loaded the service worker registers at the latest (ms). */
export const OFFLINE_AT_LATEST_MS = 15_000;
/** How long after the page's first answer the service worker waits before it registers (ms). */
export const OFFLINE_AFTER_ANSWER_MS = 5_000;

/**
 * Register the service worker that keeps the app, the built-in corpus and the shipped checkpoints
 * for offline use: OFFLINE_AFTER_ANSWER_MS after `started` settles (the page's first answer), or
 * OFFLINE_AT_LATEST_MS after load, then once `quiet` settles (no corpus loading) and the page is
 * idle. Caching the app's 12.5 MB of files took about 200 ms of the service worker's thread and
 * more of the network's, which on two cores came out of the first answer when it ran on the first
 * idle moment, and 1.2 s of CPU in all (worker, network and I/O threads, per-thread CPU from
 * /proc) out of a 50 MB corpus load begun 1.6 s after the page opened: the first seconds are when
 * a person starts something. A newer build replaces it on the next visit.
 */
export function registerOffline(started: Promise<unknown>, quiet: () => Promise<void>) {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () => void registerSW({ immediate: true });
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const answered = started.catch(() => undefined).then(() => wait(OFFLINE_AFTER_ANSWER_MS));
  void Promise.race([answered, wait(OFFLINE_AT_LATEST_MS)])
    .then(quiet)
    .then(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 5000 });
      else setTimeout(start, 1000);
    });
}
