// The TF.js wasm backend's binaries, bundled by Vite and served with the app (no CDN). No TF.js
// here: the page's first script names the one a first visit runs on, to download it while the
// engine's script is still loading (store/engineStart.ts).
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** TF.js's name for each binary → where the app serves it. */
export const WASM_BINARIES = {
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
};

/** The binary TF.js loads for one thread where the browser has SIMD (every current one). */
export const ONE_THREAD_WASM = wasmSimd;
