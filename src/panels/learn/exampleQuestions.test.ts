import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../core/corpus/types';
import { exampleQuestion, testQuestionCount } from './exampleQuestions';

const corpus: Corpus = {
  name: 'tiny',
  docs: [
    { id: 'd1', title: 'One', text: 'one' },
    { id: 'd2', title: 'Two', text: 'two' },
  ],
  queries: [
    { id: 'q1', text: 'train question' },
    { id: 'q2', text: 'first test question' },
    { id: 'q3', text: 'second test question' },
  ],
  qrels: {
    train: new Map([['q1', new Map([['d1', 1]])]]),
    test: new Map([
      ['q3', new Map([['d2', 1]])],
      [
        'q2',
        new Map([
          ['d1', 2],
          ['d2', 0],
        ]),
      ],
    ]),
  },
};

describe('example questions', () => {
  it('takes judged test questions in query order, with their relevant documents', () => {
    expect(testQuestionCount(corpus)).toBe(2);
    expect(exampleQuestion(corpus, 0)).toEqual({ text: 'first test question', relevant: ['d1'] });
    expect(exampleQuestion(corpus, 1)).toEqual({ text: 'second test question', relevant: ['d2'] });
    expect(exampleQuestion(corpus, 2)?.text).toBe('first test question');
  });

  it('has none without a corpus or a test split', () => {
    expect(exampleQuestion(null, 0)).toBeNull();
    const { test: _test, ...rest } = corpus.qrels;
    expect(exampleQuestion({ ...corpus, qrels: rest }, 0)).toBeNull();
    expect(testQuestionCount({ ...corpus, qrels: rest })).toBe(0);
  });
});
