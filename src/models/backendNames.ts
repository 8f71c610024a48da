// Backend names without TF.js, so the page can list them without bundling TF.js.

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** The order we try backends in: GPU first, then WebAssembly (SIMD), then plain JS. */
export const BACKEND_ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Adapter/renderer names of CPU emulations of a GPU (Chromium's SwiftShader, Mesa's llvmpipe). */
export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software/i;
