/** Debian's Chromium with real WebGPU/WebGL on SwiftShader (no GPU needed) and no network chatter. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** the port `vite preview` serves the build on for the tests (PREVIEW_PORT overrides it) */
export const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 4173);

/**
 * Storage of a browser that has timed its backends before and kept wasm (models/backendChoice.ts;
 * no figures, so the page shows none), for contexts on `origin` that should not run the probe.
 */
export function keptWasmProbe(origin: string) {
  const probe = { wasmThreads: 1, at: '2026-12-01T00:00:00.000Z', figures: [], choice: 'wasm' };
  return {
    cookies: [],
    origins: [
      { origin, localStorage: [{ name: 'genir.backendProbe.v1', value: JSON.stringify(probe) }] },
    ],
  };
}

/** The tests' server, as a browser that kept wasm from an earlier probe. */
export const KEPT_WASM_PROBE = keptWasmProbe(`http://localhost:${PREVIEW_PORT}`);
