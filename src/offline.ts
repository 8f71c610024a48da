import { registerSW } from 'virtual:pwa-register';

/**
 * Register the service worker that keeps the app, the built-in corpus and the shipped checkpoints
 * for offline use. It waits until the page is idle, so caching never competes with the first
 * answer; a newer build replaces it on the next visit.
 */
export function registerOffline() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () => void registerSW({ immediate: true });
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 5000 });
  else setTimeout(start, 3000);
}
