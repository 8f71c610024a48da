import { describe, expect, it } from 'vitest';
import { corpusFingerprint } from './fingerprint';

const docs = (ids: string[]) => ids.map((id) => ({ id, title: '', text: '' }));

describe('corpusFingerprint', () => {
  it('is stable and depends on the name, the count and the ids in order', () => {
    const a = corpusFingerprint({ name: 'c', docs: docs(['d1', 'd2']) });
    expect(corpusFingerprint({ name: 'c', docs: docs(['d1', 'd2']) })).toBe(a);
    expect(a).toMatch(/^c#2#[0-9a-f]{8}$/);
    expect(corpusFingerprint({ name: 'other', docs: docs(['d1', 'd2']) })).not.toBe(a);
    expect(corpusFingerprint({ name: 'c', docs: docs(['d2', 'd1']) })).not.toBe(a);
    expect(corpusFingerprint({ name: 'c', docs: docs(['d1', 'd2', 'd3']) })).not.toBe(a);
    // the separator keeps concatenations apart
    expect(corpusFingerprint({ name: 'c', docs: docs(['ab', 'c']) })).not.toBe(
      corpusFingerprint({ name: 'c', docs: docs(['a', 'bc']) }),
    );
  });

  it('reads a document list once, and a list under another name gets its own key', () => {
    let reads = 0;
    const list = ['d1', 'd2', 'd3'].map((id) => ({
      title: '',
      text: '',
      get id() {
        reads++;
        return id;
      },
    }));
    const first = corpusFingerprint({ name: 'c', docs: list });
    const afterFirst = reads;
    expect(corpusFingerprint({ name: 'c', docs: list })).toBe(first);
    expect(reads).toBe(afterFirst);
    const renamed = corpusFingerprint({ name: 'd', docs: list });
    expect(renamed).toBe(first.replace(/^c#/, 'd#'));
  });
});
