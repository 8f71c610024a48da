import { describe, expect, it } from 'vitest';
import { buildTfidf } from './tfidf';
import { createRandom, shuffled } from '../random';

describe('buildTfidf', () => {
  const texts = ['red apples and red cherries', 'green apples', 'blue sky', 'red sky at night'];
  const m = buildTfidf(texts);

  it('gives L2-normalised rows over sorted term columns', () => {
    expect(m.terms).toEqual([...m.terms].sort());
    for (const row of m.rows) {
      const norm = Math.hypot(...row.values);
      expect(norm).toBeCloseTo(1, 5);
      expect([...row.indices]).toEqual([...row.indices].sort((a, b) => a - b));
    }
  });

  it('weights rarer terms higher (smoothed idf) and repeated terms sublinearly', () => {
    const col = (t: string) => m.terms.indexOf(t);
    expect(m.idf[col('cherri')]).toBeGreaterThan(m.idf[col('appl')]);
    const row0 = m.rows[0];
    const weight = (t: string) => row0.values[[...row0.indices].indexOf(col(t))];
    // red: tf 2, df 2; cherri: tf 1, df 1
    const ratio = ((1 + Math.log(2)) * (Math.log(5 / 3) + 1)) / (Math.log(5 / 2) + 1);
    expect(weight('red') / weight('cherri')).toBeCloseTo(ratio, 5);
  });

  it('drops terms found in more than maxDocFraction of documents', () => {
    const few = buildTfidf(['a cat', 'a cat sat', 'a cat ran', 'a dog'], {
      minDocFreq: 1,
      maxDocFraction: 0.5,
      maxTerms: 100,
    });
    expect(few.terms).not.toContain('cat');
    expect(few.terms).toContain('dog');
  });
});

describe('createRandom', () => {
  it('is deterministic per seed and shuffles into a permutation', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const s = shuffled(items, createRandom(1));
    expect([...s].sort((x, y) => x - y)).toEqual(items);
    expect(s).toEqual(shuffled(items, createRandom(1)));
  });
});
