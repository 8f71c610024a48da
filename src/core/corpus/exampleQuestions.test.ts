import { describe, expect, it } from 'vitest';
import { exampleQuestions } from './exampleQuestions';
import type { Corpus } from './types';

const queries = Array.from({ length: 10 }, (_, i) => ({ id: `q${i}`, text: `question ${i}` }));
const corpus = (qrels: Corpus['qrels'], qs = queries): Corpus => ({
  name: 'c',
  docs: [{ id: 'd', title: '', text: 'x' }],
  queries: qs,
  qrels,
});
const judged = (...ids: string[]) => new Map(ids.map((id) => [id, new Map([['d', 1]])]));

describe('exampleQuestions', () => {
  it('takes judged test questions only, spread evenly over them', () => {
    const test = judged('q1', 'q2', 'q3', 'q4', 'q5', 'q6');
    const picked = exampleQuestions(corpus({ test, train: judged('q0') }), 3);
    expect(picked.map((q) => q.id)).toEqual(['q1', 'q3', 'q5']);
  });

  it('falls back to any query when no test question is judged', () => {
    expect(exampleQuestions(corpus({ train: judged('q0') }), 2).map((q) => q.id)).toEqual([
      'q0',
      'q5',
    ]);
  });

  it('gives all it has when asked for more, and none for a corpus without queries', () => {
    expect(exampleQuestions(corpus({ test: judged('q7', 'q8') }), 5).map((q) => q.id)).toEqual([
      'q7',
      'q8',
    ]);
    expect(exampleQuestions(corpus({}, []), 4)).toEqual([]);
    expect(exampleQuestions(corpus({}), 0)).toEqual([]);
  });

  it('skips blank and repeated question texts', () => {
    const qs = [
      { id: 'a', text: 'same' },
      { id: 'b', text: '  ' },
      { id: 'c', text: 'same' },
      { id: 'd', text: 'other' },
    ];
    expect(exampleQuestions(corpus({}, qs), 4).map((q) => q.id)).toEqual(['a', 'd']);
  });
});
