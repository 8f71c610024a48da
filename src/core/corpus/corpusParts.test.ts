import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusParts, splitCorpus } from './corpusParts';
import type { Corpus } from './types';

const corpusOf = (docs: number, queries: number): Corpus => ({
  name: 'c',
  docs: Array.from({ length: docs }, (_, i) => ({ id: `d${i}`, title: '', text: `text ${i}` })),
  queries: Array.from({ length: queries }, (_, i) => ({ id: `q${i}`, text: `query ${i}` })),
  qrels: { test: new Map([['q0', new Map([['d0', 1]])]]) },
});

describe('a corpus handed over in parts', () => {
  it('comes out whole and in order, whatever the part size', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(25), fc.integer({ min: 1, max: 12 }), (d, q, size) => {
        const corpus = corpusOf(d, q);
        const { head, parts } = splitCorpus(corpus, size);
        expect(parts.length).toBe(Math.ceil(d / size) + Math.ceil(q / size));
        const intake = new CorpusParts();
        intake.begin(7, head);
        for (const part of parts) intake.add(7, part);
        expect(intake.take(7)).toEqual(corpus);
      }),
    );
  });

  it('refuses a corpus with a part missing or too many, and forgets one once taken', () => {
    const { head, parts } = splitCorpus(corpusOf(5, 2), 2);
    const intake = new CorpusParts();
    intake.begin(1, head);
    for (const part of parts.slice(1)) intake.add(1, part);
    expect(() => intake.take(1)).toThrow('incomplete: 3 of 5 documents, 2 of 2 queries');
    expect(() => intake.take(1)).toThrow('no corpus is being handed over under 1');
    intake.begin(2, head);
    for (const part of parts) intake.add(2, part);
    expect(() => intake.add(2, parts[0])).toThrow('more parts than its head announced');
  });
});
