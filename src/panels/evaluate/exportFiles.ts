import type { Corpus } from '../../core/corpus/types';
import { perQueryCsv, scoresToCsv, scoresToMarkdown } from '../../core/eval/tableExport';
import { formatTrecQrels, formatTrecRun, runTag } from '../../core/eval/trecFiles';
import type { EvaluationTable } from '../../store/evaluateSlice';
import { downloadText } from '../../ui/download';

/** Each file the Evaluate panel offers: its button label and how to save it. */
export function tableExport(
  corpus: Corpus,
  evaluation: EvaluationTable,
): { label: string; save: () => void }[] {
  const base = `${corpus.name}-${evaluation.split}`;
  const qrels = corpus.qrels[evaluation.split];
  return [
    {
      label: 'Table (CSV)',
      save: () => downloadText(scoresToCsv(evaluation.scores), `${base}-metrics.csv`, 'text/csv'),
    },
    {
      label: 'Table (Markdown)',
      save: () =>
        downloadText(
          scoresToMarkdown(
            evaluation.scores,
            `${corpus.name}, ${evaluation.split} split, ${evaluation.scores[0]?.evaluatedQueries ?? 0} judged queries`,
          ),
          `${base}-metrics.md`,
          'text/markdown',
        ),
    },
    {
      label: 'Per-query scores (CSV)',
      save: () =>
        downloadText(
          perQueryCsv(evaluation.scores, evaluation.queries),
          `${base}-per-query.csv`,
          'text/csv',
        ),
    },
    ...Object.entries(evaluation.runs).map(([name, run]) => ({
      label: `TREC run: ${name}`,
      save: () => downloadText(formatTrecRun(run, runTag(name)), `${base}-${runTag(name)}.run`),
    })),
    ...(qrels
      ? [
          {
            label: 'Qrels (TREC)',
            save: () => downloadText(formatTrecQrels(qrels), `${base}.qrels`),
          },
        ]
      : []),
  ];
}
