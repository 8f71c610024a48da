import { describe, expect, it } from 'vitest';
import {
  chooseFastest,
  DECODE_WEIGHT,
  probeCost,
  probeSummary,
  readKeptProbe,
  type BackendProbe,
} from './backendChoice';

describe('choosing the backend by measurement', () => {
  it('picks the lowest training step + DECODE_WEIGHT × decoding step; unmeasured ones never', () => {
    const figures = [
      { backend: 'webgpu' as const, trainStepMs: 90, decodeStepMs: 20 },
      { backend: 'webgl' as const, error: 'no OffscreenCanvas' },
      { backend: 'wasm' as const, trainStepMs: 150, decodeStepMs: 5 },
    ];
    expect(probeCost(figures[0])).toBe(90 + DECODE_WEIGHT * 20);
    expect(probeCost(figures[1])).toBeNull();
    // 250 for webgpu against 190 for wasm: the faster decoder wins though it trains slower
    expect(chooseFastest(figures)).toBe('wasm');
    expect(chooseFastest([{ ...figures[0], decodeStepMs: 5 }, figures[2]])).toBe('webgpu');
    expect(chooseFastest([figures[1]])).toBeNull();
    expect(chooseFastest([])).toBeNull();
    // a tie goes to the earlier backend in the usual order
    expect(
      chooseFastest([
        { backend: 'wasm', trainStepMs: 10, decodeStepMs: 1 },
        { backend: 'webgl', trainStepMs: 10, decodeStepMs: 1 },
      ]),
    ).toBe('webgl');
  });

  it('summarises the measured ones fastest first', () => {
    expect(
      probeSummary([
        { backend: 'webgpu', trainStepMs: 2100.4, decodeStepMs: 300 },
        { backend: 'cpu', error: 'skipped' },
        { backend: 'wasm', trainStepMs: 160.2, decodeStepMs: 4 },
      ]),
    ).toBe('wasm 160 ms, webgpu 2,100 ms');
  });

  it('keeps a stored probe only when it is well formed and ran with the same wasm threads', () => {
    const probe: BackendProbe = {
      wasmThreads: 1,
      at: '2026-12-01T19:00:00.000Z',
      figures: [{ backend: 'wasm', trainStepMs: 150, decodeStepMs: 5 }],
      choice: 'wasm',
    };
    const text = JSON.stringify(probe);
    expect(readKeptProbe(text, 1)).toEqual(probe);
    expect(readKeptProbe(text, 2)).toBeNull();
    expect(readKeptProbe(null, 1)).toBeNull();
    expect(readKeptProbe('{not json', 1)).toBeNull();
    expect(readKeptProbe('null', 1)).toBeNull();
    expect(readKeptProbe(JSON.stringify({ ...probe, choice: 'tpu' }), 1)).toBeNull();
    expect(readKeptProbe(JSON.stringify({ ...probe, figures: 'fast' }), 1)).toBeNull();
    expect(
      readKeptProbe(
        JSON.stringify({ ...probe, figures: [{ backend: 'wasm', trainStepMs: -1 }] }),
        1,
      ),
    ).toBeNull();
  });
});
