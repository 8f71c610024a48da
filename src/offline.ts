import { registerSW } from 'virtual:pwa-register';

/** How long after the page has loaded the service worker registers at the latest (ms). */
export const OFFLINE_AT_LATEST_MS = 15_000;

/**
 * Register the service worker that keeps the app, the built-in corpus and the shipped checkpoints
 * for offline use, once `started` settles (the page's first answer) or OFFLINE_AT_LATEST_MS have
 * passed, and then when the page is idle: caching every file of the app took about 200 ms of
 * the service worker's thread and more of the network's, which on two cores came out of the first
 * answer when it ran on the first idle moment. A newer build replaces it on the next visit.
 */
export function registerOffline(started: Promise<unknown>) {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () => void registerSW({ immediate: true });
  const latest = new Promise((resolve) => setTimeout(resolve, OFFLINE_AT_LATEST_MS));
  void Promise.race([started.catch(() => undefined), latest]).then(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 1000);
  });
}
