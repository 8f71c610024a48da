import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/**
 * TF.js's threaded wasm build starts each pthread worker from the text of its Emscripten factory
 * (`wasmFactoryThreadedSimd.toString()`). Once the app is minified, that text names helpers by
 * their minified names, which the worker does not have ("e is not defined"), so threads never
 * start. This plugin hands TF.js the factory's original source instead, read from the package
 * itself, as a string the minifier leaves alone.
 */
export function tfjsWasmThreads(): Plugin {
  const require = createRequire(import.meta.url);
  const file =
    require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
  const text = readFileSync(file, 'utf8');
  // the module wraps `function(WasmBackendModuleThreadedSimd) { … }` in an arrow IIFE
  const start = text.indexOf('function(WasmBackendModuleThreadedSimd)');
  const end = text.lastIndexOf('\n}\n);\n})();');
  if (start < 0 || end < start)
    throw new Error(`tfjsWasmThreads: the factory's layout in ${file} is not the expected one`);
  const factorySource = text.slice(start, end + 2);
  const call = 'wasmFactoryThreadedSimd.toString()';
  return {
    name: 'tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/.test(id)) return null;
      if (!code.includes(call))
        this.error(`tfjsWasmThreads: ${id} no longer calls ${call}; check the TF.js version`);
      return { code: code.replace(call, JSON.stringify(factorySource)), map: null };
    },
  };
}
