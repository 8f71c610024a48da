import { useState } from 'react';
import { STANDARD_METRICS } from '../../core/eval/metrics';
import { useAppStore } from '../../store/appStore';

export function EvaluatePanel() {
  const corpus = useAppStore((s) => s.corpus);
  const evaluation = useAppStore((s) => s.evaluation);
  const evaluating = useAppStore((s) => s.evaluating);
  const error = useAppStore((s) => s.evaluateError);
  const evaluateBM25 = useAppStore((s) => s.evaluateBM25);
  const splits = corpus ? Object.keys(corpus.qrels) : [];
  const [chosen, setChosen] = useState('test');
  const split = splits.includes(chosen) ? chosen : (splits[0] ?? '');

  if (!corpus) return <p>Loading the corpus…</p>;
  if (splits.length === 0) {
    return (
      <section className="card">
        <h2>Evaluate</h2>
        <p>
          This corpus has no relevance judgments. Load a BEIR collection with{' '}
          <code>queries.jsonl</code> and <code>qrels/*.tsv</code> to measure retrieval quality.
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-label="Evaluation">
      <h2>Evaluate on {corpus.name}</h2>
      <div className="row">
        <label>
          Split{' '}
          <select value={split} onChange={(e) => setChosen(e.target.value)} aria-label="Split">
            {splits.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void evaluateBM25(split)} disabled={evaluating}>
          {evaluating ? 'Evaluating…' : 'Run BM25 on this split'}
        </button>
      </div>
      {error && (
        <div role="alert" className="error">
          {error}
        </div>
      )}
      {evaluation && (
        <>
          <table className="metrics" aria-label="Metrics">
            <thead>
              <tr>
                <th scope="col">method</th>
                {STANDARD_METRICS.map((m) => (
                  <th scope="col" key={m}>
                    {m}
                  </th>
                ))}
                <th scope="col">queries</th>
                <th scope="col">ms / query</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{evaluation.method}</th>
                {STANDARD_METRICS.map((m) => (
                  <td key={m}>{evaluation.mean[m].toFixed(4)}</td>
                ))}
                <td>{evaluation.evaluatedQueries}</td>
                <td>
                  {(evaluation.timing.totalMs / Math.max(1, evaluation.timing.queries)).toFixed(2)}
                </td>
              </tr>
            </tbody>
          </table>
          <p className="note">
            {evaluation.split} split: {evaluation.evaluatedQueries} queries with at least one
            relevant document. Metrics follow trec_eval / ir_measures (nDCG with graded gains, ties
            broken by document id).
          </p>
          <details>
            <summary>Per-query results</summary>
            <table className="metrics">
              <thead>
                <tr>
                  <th scope="col">query</th>
                  {STANDARD_METRICS.map((m) => (
                    <th scope="col" key={m}>
                      {m}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {evaluation.perQuery.map((q) => (
                  <tr key={q.queryId}>
                    <td>{q.text}</td>
                    {STANDARD_METRICS.map((m) => (
                      <td key={m}>{q.metrics[m].toFixed(3)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
