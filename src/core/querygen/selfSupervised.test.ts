import { describe, expect, it } from 'vitest';
import { selfSupervisedPairs, sentences } from './selfSupervised';

describe('CorpusBrain pairs', () => {
  const texts = [
    'Venus is hot. Its clouds are acid! Does it rain? Days are long. It spins backwards.',
    'One sentence only',
  ];

  it('splits sentences after . ! and ?', () => {
    expect(sentences(texts[0])).toEqual([
      'Venus is hot.',
      'Its clouds are acid!',
      'Does it rain?',
      'Days are long.',
      'It spins backwards.',
    ]);
  });

  it('gives each document its lead and distinct inner sentences, the same for a seed', () => {
    const pairs = selfSupervisedPairs(texts, { innerPerDoc: 2, leadSentences: 2, seed: 3 });
    const first = pairs.filter((p) => p.doc === 0);
    expect(first[0]).toEqual({ doc: 0, text: 'Venus is hot. Its clouds are acid!', task: 'lead' });
    const inner = first.filter((p) => p.task === 'inner').map((p) => p.text);
    expect(inner).toHaveLength(2);
    expect(new Set(inner).size).toBe(2);
    for (const s of inner)
      expect(['Does it rain?', 'Days are long.', 'It spins backwards.']).toContain(s);
    expect(pairs.filter((p) => p.doc === 1)).toEqual([
      { doc: 1, text: 'One sentence only', task: 'lead' },
    ]);
    expect(selfSupervisedPairs(texts, { innerPerDoc: 2, leadSentences: 2, seed: 3 })).toEqual(
      pairs,
    );
  });
});
