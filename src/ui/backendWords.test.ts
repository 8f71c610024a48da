import { describe, expect, it } from 'vitest';
import { backendWords } from './backendWords';

describe('backendWords', () => {
  it('names a GPU backend on real hardware as the graphics card', () => {
    expect(backendWords('webgpu', 'nvidia ampere')).toEqual({
      where: 'your graphics card',
      technology: 'WebGPU',
    });
    expect(backendWords('webgl', 'ANGLE (Intel, Mesa Intel(R) UHD Graphics)').where).toBe(
      'your graphics card',
    );
  });

  it('says a GPU backend on a software renderer really runs on the processor', () => {
    expect(backendWords('webgpu', 'Google SwiftShader').where).toBe(
      'the processor, imitating a graphics card',
    );
    expect(backendWords('webgl', 'llvmpipe (LLVM 15.0.7, 256 bits)').where).toBe(
      'the processor, imitating a graphics card',
    );
  });

  it('names the CPU backends as the processor, with their technology', () => {
    expect(backendWords('wasm', 'WebAssembly SIMD, one thread')).toEqual({
      where: 'the processor',
      technology: 'WebAssembly',
    });
    expect(backendWords('cpu', 'JavaScript on the CPU')).toEqual({
      where: 'the processor',
      technology: 'plain JavaScript',
    });
  });
});
