import { describe, expect, it } from 'vitest';
import {
  LEARN_PROGRESS_KEY,
  LEARN_START,
  readLearnProgress,
  writeLearnProgress,
} from './learnProgress';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('learn progress', () => {
  it('reads back what was written', () => {
    const storage = memoryStorage();
    writeLearnProgress(storage, { step: 3, skipped: true });
    expect(readLearnProgress(storage, 6)).toEqual({ step: 3, skipped: true });
  });

  it('starts at the first step when nothing is saved or storage is missing', () => {
    expect(readLearnProgress(memoryStorage(), 6)).toEqual(LEARN_START);
    expect(readLearnProgress(undefined, 6)).toEqual(LEARN_START);
  });

  it('keeps a saved step inside the path and ignores values that are not progress', () => {
    const storage = memoryStorage();
    writeLearnProgress(storage, { step: 9, skipped: false });
    expect(readLearnProgress(storage, 6).step).toBe(5);
    for (const bad of ['not json', '"text"', '{"step":1.5,"skipped":"yes"}']) {
      storage.setItem(LEARN_PROGRESS_KEY, bad);
      expect(readLearnProgress(storage, 6)).toEqual(LEARN_START);
    }
  });

  it('survives storage that throws', () => {
    const blocked = {
      getItem: (): string | null => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readLearnProgress(blocked, 6)).toEqual(LEARN_START);
    expect(() => writeLearnProgress(blocked, { step: 1, skipped: false })).not.toThrow();
  });
});
