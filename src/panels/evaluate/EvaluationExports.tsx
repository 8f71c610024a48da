import { tableExport } from './exportFiles';
import { useAppStore } from '../../store/appStore';
import type { EvaluationTable } from '../../store/evaluateSlice';

/** Downloads of the evaluation: the table, the per-query scores, TREC run files and the qrels. */
export function EvaluationExports({ evaluation }: { evaluation: EvaluationTable }) {
  const corpus = useAppStore((s) => s.corpus);
  if (!corpus) return null;
  const files = tableExport(corpus, evaluation);
  return (
    <details className="exports">
      <summary>Export</summary>
      <p className="note">
        TREC run files (<code>qid Q0 docid rank score tag</code>) and the qrels can be scored by{' '}
        <code>trec_eval</code> or <code>ir_measures</code>, which give the figures of the table.
      </p>
      <div className="row">
        {files.map((f) => (
          <button key={f.label} type="button" onClick={f.save}>
            {f.label}
          </button>
        ))}
      </div>
    </details>
  );
}
