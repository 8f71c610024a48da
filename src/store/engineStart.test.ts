import { describe, expect, it } from 'vitest';
import { localSgdPeriod, preferredBackend, trainWorkers, wasmThreads } from './engineStart';

describe('the engine start read from the address', () => {
  it('takes a backend named by ?backend= and ignores other names', () => {
    expect(preferredBackend('?backend=webgl')).toBe('webgl');
    expect(preferredBackend('?q=x&backend=wasm')).toBe('wasm');
    expect(preferredBackend('?backend=tpu')).toBeUndefined();
    expect(preferredBackend('')).toBeUndefined();
  });

  it('takes ?workers= between 1 and 16 only', () => {
    expect(trainWorkers('?workers=2')).toBe(2);
    expect(trainWorkers('?workers=1')).toBe(1);
    expect(trainWorkers('?workers=0')).toBeUndefined();
    expect(trainWorkers('?workers=17')).toBeUndefined();
    expect(trainWorkers('?workers=two')).toBeUndefined();
    expect(trainWorkers('')).toBeUndefined();
  });

  it('takes ?localSgd= between 2 and 1024 batches only (off by default)', () => {
    expect(localSgdPeriod('?localSgd=8')).toBe(8);
    expect(localSgdPeriod('?workers=2&localSgd=16')).toBe(16);
    expect(localSgdPeriod('?localSgd=1')).toBeUndefined();
    expect(localSgdPeriod('?localSgd=2000')).toBeUndefined();
    expect(localSgdPeriod('?localSgd=yes')).toBeUndefined();
    expect(localSgdPeriod('')).toBeUndefined();
  });

  it('takes ?threads= between 1 and 64 only', () => {
    expect(wasmThreads('?threads=2')).toBe(2);
    expect(wasmThreads('?threads=0')).toBeUndefined();
    expect(wasmThreads('?threads=65')).toBeUndefined();
    expect(wasmThreads('?threads=1.5')).toBeUndefined();
    expect(wasmThreads('')).toBeUndefined();
  });
});
