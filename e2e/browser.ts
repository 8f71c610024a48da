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
