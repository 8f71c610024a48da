import { describe, expect, it } from 'vitest';
import { ModelSlot } from './modelSlot';

describe('ModelSlot', () => {
  it('disposes a replaced model only after its last borrower returns', async () => {
    const disposed: string[] = [];
    const slot = new ModelSlot<string>((m) => disposed.push(m));
    slot.replace('a');
    let release!: () => void;
    const borrowing = slot.use('none', () => new Promise<void>((r) => (release = r)));
    slot.replace('b');
    expect(disposed).toEqual([]);
    release();
    await borrowing;
    expect(disposed).toEqual(['a']);
    await expect(new ModelSlot<string>(() => {}).use('no model', () => 1)).rejects.toThrow(
      'no model',
    );
  });

  it('a late load does not replace a model put in use after it started', () => {
    const disposed: string[] = [];
    const slot = new ModelSlot<string>((m) => disposed.push(m));
    const mark = slot.mark();
    slot.replace('imported');
    expect(slot.replaceUnlessChanged('shipped', mark)).toBe(false);
    expect(slot.current).toBe('imported');
    expect(disposed).toEqual(['shipped']);
    // with nothing in between it goes in
    expect(slot.replaceUnlessChanged('next', slot.mark())).toBe(true);
    expect(slot.current).toBe('next');
    expect(disposed).toEqual(['shipped', 'imported']);
    // emptying the slot counts as a change too
    const before = slot.mark();
    slot.replace(null);
    expect(slot.replaceUnlessChanged('late', before)).toBe(false);
    expect(slot.current).toBeNull();
  });
});
