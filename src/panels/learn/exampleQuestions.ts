import { judgedTestQuestions } from '../../core/corpus/exampleQuestions';
import type { Corpus } from '../../core/corpus/types';

/** A held-out test question of the corpus and the documents judged relevant to it. */
export interface ExampleQuestion {
  text: string;
  /** ids of the documents with a positive relevance grade */
  relevant: string[];
}

/** How many test questions the corpus has judgments for. */
export function testQuestionCount(corpus: Corpus): number {
  return judgedTestQuestions(corpus).length;
}

/** The `n`-th judged test question (0-based, wrapping), or null where the corpus has none. */
export function exampleQuestion(corpus: Corpus | null, n: number): ExampleQuestion | null {
  if (!corpus) return null;
  const judged = judgedTestQuestions(corpus);
  if (judged.length === 0) return null;
  const question = judged[n % judged.length];
  const grades = corpus.qrels.test?.get(question.id) ?? new Map<string, number>();
  return {
    text: question.text,
    relevant: [...grades].filter(([, grade]) => grade > 0).map(([id]) => id),
  };
}

/** The question the Inspect step decodes and the one the Compare step asks. */
export const INSPECT_EXAMPLE = 0;
export const COMPARE_EXAMPLE = 1;
