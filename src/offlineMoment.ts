/** How long after the page has loaded the service worker registers at the latest (ms). */
export const OFFLINE_AT_LATEST_MS = 15_000;
/** How long after the page's first answer the service worker waits before it registers (ms). */
export const OFFLINE_AFTER_ANSWER_MS = 5_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Settles when the service worker may register (src/offline.ts): OFFLINE_AFTER_ANSWER_MS after
 * `started` settles (the page's first answer, or its failure), or OFFLINE_AT_LATEST_MS after this
 * call, whichever comes first, and then once `quiet` settles (no corpus loading).
 */
export async function offlineMoment(
  started: Promise<unknown>,
  quiet: () => Promise<void>,
): Promise<void> {
  const answered = started.catch(() => undefined).then(() => wait(OFFLINE_AFTER_ANSWER_MS));
  await Promise.race([answered, wait(OFFLINE_AT_LATEST_MS)]);
  await quiet();
}
