import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { preloadAppScript } from './build-tools/preloadAppScript.ts';
import { tfjsWasmThreads } from './build-tools/tfjsWasmThreads.ts';

// Cross-origin isolation lets the TF.js wasm backend use threads (SharedArrayBuffer).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [
    react(),
    preloadAppScript(),
    // offline: after one visit a service worker (Workbox) holds the app, the built-in corpus and
    // the shipped checkpoints; the page registers it once it has answered (src/offline.ts)
    VitePWA({
      injectRegister: null,
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm,json,jsonl,tsv,bin,svg,png}'],
        globIgnores: ['bench/**', 'assets/bench-*'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/bench\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  // the engine worker imports TF.js's wasm backend: its threads need the factory's own source
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
  server: { host: '127.0.0.1', headers: isolationHeaders },
  preview: { host: '127.0.0.1', headers: isolationHeaders },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // the app, and the page the benchmarks drive (bench/page: the engine worker, nothing else)
    rollupOptions: { input: { main: 'index.html', bench: 'bench/page/index.html' } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/testSetup.ts'],
    // a guard against a hung test, not a speed check: on two shared cores the TF.js tests that
    // train or decode take several seconds each, more while other test files run beside them
    testTimeout: 30_000,
  },
});
