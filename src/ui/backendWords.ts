import { SOFTWARE_RENDERER, type BackendName } from '../models/backendNames';

/** How the header names a TF.js backend to someone who has never heard of one. */
export interface BackendWords {
  /** where the arithmetic happens, in plain words ("your graphics card") */
  where: string;
  /** the web technology it goes through ("WebGPU") */
  technology: string;
}

const TECHNOLOGY: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'plain JavaScript',
};

/**
 * Plain words for `backend` on `device`: a GPU backend runs on the graphics card unless the
 * device is a software renderer, which imitates one on the processor.
 */
export function backendWords(backend: BackendName, device: string): BackendWords {
  const gpu = backend === 'webgpu' || backend === 'webgl';
  const where = !gpu
    ? 'the processor'
    : SOFTWARE_RENDERER.test(device)
      ? 'the processor, imitating a graphics card'
      : 'your graphics card';
  return { where, technology: TECHNOLOGY[backend] };
}
