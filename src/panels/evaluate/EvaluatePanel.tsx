import { useState } from 'react';
import { useAppStore } from '../../store/appStore';
import { EvaluationExports } from './EvaluationExports';
import { MethodTable } from './MethodTable';
import { MetricDefinitions } from './MetricDefinitions';
import { PerQueryTable } from './PerQueryTable';
import { ScrollBox } from '../../ui/ScrollBox';

/** Every loaded method (generative, dense, BM25, their fusion) on one judged split. */
export function EvaluatePanel() {
  const corpus = useAppStore((s) => s.corpus);
  const evaluation = useAppStore((s) => s.evaluation);
  const evaluating = useAppStore((s) => s.evaluating);
  const stage = useAppStore((s) => s.evaluateStage);
  const error = useAppStore((s) => s.evaluateError);
  const evaluateAll = useAppStore((s) => s.evaluateAll);
  const modelStatus = useAppStore((s) => s.modelStatus);
  const denseStatus = useAppStore((s) => s.denseStatus);
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
  const missing = [
    modelStatus !== 'ready' && 'the generative model',
    denseStatus !== 'ready' && 'the dense model',
  ].filter(Boolean);
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
        <button type="button" onClick={() => void evaluateAll(split)} disabled={evaluating}>
          {evaluating ? `Evaluating ${stage}…` : 'Evaluate all methods'}
        </button>
      </div>
      {missing.length > 0 && (
        <p className="note">
          Not loaded yet, so left out: {missing.join(' and ')}. Train one in the Index panel.
        </p>
      )}
      {error && (
        <div role="alert" className="error">
          {error}
        </div>
      )}
      {evaluation && (
        <>
          <ScrollBox label="Metrics table, scrolls sideways">
            <MethodTable scores={evaluation.scores} />
          </ScrollBox>
          <p className="note">
            {evaluation.split} split: {evaluation.scores[0]?.evaluatedQueries ?? 0} queries with at
            least one relevant document. Metrics follow trec_eval / ir_measures (nDCG with graded
            gains, ties broken by document id). The generative model returns at most its beam (10
            docids), so its Recall@100 counts those 10. Fusion is reciprocal rank fusion with the
            Compare panel&apos;s weights; its latency and memory are the sums of its parts.
          </p>
          <MetricDefinitions />
          <PerQueryTable evaluation={evaluation} />
          <EvaluationExports evaluation={evaluation} />
        </>
      )}
      {!evaluation && <MetricDefinitions />}
    </section>
  );
}
