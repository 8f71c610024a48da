import type { StoreApi } from 'zustand';

/** Settles once `holds` is true of the store's state (at once if it is already). */
export function whenState<S>(store: StoreApi<S>, holds: (state: S) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (holds(store.getState())) return resolve();
    const stop = store.subscribe((state) => {
      if (!holds(state)) return;
      stop();
      resolve();
    });
  });
}
