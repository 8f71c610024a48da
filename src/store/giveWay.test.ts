import { describe, expect, it, vi } from 'vitest';
import { GiveWay, gaveWay } from './giveWay';

/** A run that ends when told to. */
function pending() {
  let finish!: (v: string) => void;
  const promise = new Promise<string>((resolve) => (finish = resolve));
  return { promise, finish };
}

describe('GiveWay', () => {
  it('runs the work and returns its result when nothing holds it', async () => {
    const restart = vi.fn();
    const way = new GiveWay(restart);
    await expect(way.run(async () => 'figures', vi.fn())).resolves.toBe('figures');
    way.hold();
    way.release();
    expect(restart).not.toHaveBeenCalled();
  });

  it('stops the run under way on hold and starts it again on release', async () => {
    const restart = vi.fn();
    const stop = vi.fn();
    const way = new GiveWay(restart);
    const work = pending();
    const result = way.run(() => work.promise, stop);
    way.hold();
    expect(stop).toHaveBeenCalledOnce();
    const r = await result;
    expect(gaveWay(r)).toBe(true);
    work.finish('late'); // the stopped run's own end changes nothing
    expect(restart).not.toHaveBeenCalled();
    way.release();
    expect(restart).toHaveBeenCalledOnce();
  });

  it('defers a run asked for while held, and waits for the last of nested holds', async () => {
    const restart = vi.fn();
    const work = vi.fn(async () => 'figures');
    const way = new GiveWay(restart);
    way.hold();
    way.hold();
    expect(gaveWay(await way.run(work, vi.fn()))).toBe(true);
    expect(work).not.toHaveBeenCalled();
    way.release();
    expect(restart).not.toHaveBeenCalled();
    way.release();
    expect(restart).toHaveBeenCalledOnce();
    way.release(); // one release too many is harmless
    expect(restart).toHaveBeenCalledOnce();
  });
});
