import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { whenState } from './whenState';

describe('whenState', () => {
  it('settles at once when the state already holds, else on the first change that makes it hold', async () => {
    const store = createStore<{ n: number }>()(() => ({ n: 0 }));
    await whenState(store, (s) => s.n === 0);
    let settled = false;
    const later = whenState(store, (s) => s.n >= 2).then(() => (settled = true));
    store.setState({ n: 1 });
    await Promise.resolve();
    expect(settled).toBe(false);
    store.setState({ n: 2 });
    await later;
    expect(settled).toBe(true);
  });
});
