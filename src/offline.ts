import { registerSW } from 'virtual:pwa-register';
import { offlineMoment } from './offlineMoment';

/**
 * Register the service worker that keeps the app, the built-in corpus and the shipped checkpoints
 * for offline use, at the moment offlineMoment gives (a while after the page's first answer, not
 * while a corpus loads), when the page is idle. Caching the app's 12.5 MB of files took about
 * 200 ms of the service worker's thread and more of the network's, which on two cores came out of
 * the first answer when it ran on the first idle moment, and 1.2 s of CPU in all (worker, network
 * and I/O threads, per-thread CPU from /proc) out of a 50 MB corpus load begun 1.6 s after the
 * page opened: the first seconds are when a person starts something. A newer build replaces it on
 * the next visit.
 */
export function registerOffline(started: Promise<unknown>, quiet: () => Promise<void>) {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () => void registerSW({ immediate: true });
  void offlineMoment(started, quiet).then(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 1000);
  });
}
