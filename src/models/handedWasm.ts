import * as tf from '@tensorflow/tfjs-core';

/**
 * Wasm binaries downloaded for TF.js while its script loads (worker/firstAnswers.ts): TF.js asks
 * for its binary only once the engine's script has run and the backend starts, and on two busy
 * cores the worker then sat idle for about 85 ms waiting for it (trace of a first visit). Handed
 * over, it compiles at once.
 */
const handed = new Map<string, Promise<ArrayBuffer | null>>();
const settle = new Map<string, (bytes: ArrayBuffer | null) => void>();

/** `url` is being downloaded: TF.js's fetch of it waits for provideWasm. */
export function expectWasm(url: string): void {
  if (handed.has(url)) return;
  handed.set(url, new Promise((resolve) => settle.set(url, resolve)));
}

/** The bytes of an expected binary; null when that download failed (TF.js fetches it then). */
export function provideWasm(url: string, bytes: ArrayBuffer | null): void {
  settle.get(url)?.(bytes);
  settle.delete(url);
}

const answering = new WeakSet<object>();

/**
 * Answer TF.js's fetches of the wasm binary (with `setWasmPaths(paths, true)` it loads it through
 * its platform's fetch) from what the page hands over, once each; anything else goes to the
 * network as before.
 */
export function answerWasmFetches(platform: Pick<tf.Platform, 'fetch'> = tf.env().platform): void {
  if (answering.has(platform)) return;
  answering.add(platform);
  const fetchFile = platform.fetch.bind(platform);
  platform.fetch = async (path: string, init?: RequestInit) => {
    const bytes = handed.get(path);
    if (!bytes) return fetchFile(path, init);
    handed.delete(path);
    const given = await bytes;
    return given ? new Response(given) : fetchFile(path, init);
  };
}
