import { describe, expect, it, vi } from 'vitest';
import { answerWasmFetches, expectWasm, provideWasm } from './handedWasm';

/** A platform whose own fetch answers every path with the path's name. */
function fakePlatform() {
  const fetch = vi.fn(async (path: string) => new Response(`network:${path}`));
  const platform = { fetch };
  answerWasmFetches(platform);
  return { platform, network: fetch };
}

describe('wasm binaries handed over by the page', () => {
  it('answers the expected binary from the bytes handed over, waiting for them, once', async () => {
    const { platform, network } = fakePlatform();
    expectWasm('/a.wasm');
    const asked = platform.fetch('/a.wasm');
    provideWasm('/a.wasm', new TextEncoder().encode('handed').buffer as ArrayBuffer);
    expect(await (await asked).text()).toBe('handed');
    expect(network).not.toHaveBeenCalled();
    // a later fetch (another backend start) goes to the network
    expect(await (await platform.fetch('/a.wasm')).text()).toBe('network:/a.wasm');
  });

  it('fetches it itself when the page could not download it', async () => {
    const { platform } = fakePlatform();
    expectWasm('/b.wasm');
    provideWasm('/b.wasm', null);
    expect(await (await platform.fetch('/b.wasm')).text()).toBe('network:/b.wasm');
  });

  it('leaves other paths to the network', async () => {
    const { platform, network } = fakePlatform();
    expectWasm('/c.wasm');
    expect(await (await platform.fetch('/other.wasm')).text()).toBe('network:/other.wasm');
    expect(network).toHaveBeenCalledTimes(1);
  });
});
