import { STANDARD_METRICS } from '../../core/eval/metrics';
import type { MethodScore } from '../../core/eval/methodComparison';
import { Term } from '../../ui/Term';
import type { TermId } from '../../ui/glossary';
import { formatBytes } from './formatBytes';

const METRICS = ['Hits@1', 'Hits@10', 'MRR@10', 'nDCG@10', 'Recall@100'].filter((m) =>
  STANDARD_METRICS.includes(m as (typeof STANDARD_METRICS)[number]),
);

/** the glossary entry of each metric family */
const METRIC_TERMS: Record<string, TermId> = {
  Hits: 'hits-at-k',
  MRR: 'mrr',
  nDCG: 'ndcg',
  Recall: 'recall',
};

/** Methods × metrics, with memory and latency; the best value of each metric is bold. */
export function MethodTable({ scores }: { scores: MethodScore[] }) {
  const best = Object.fromEntries(
    METRICS.map((m) => [m, Math.max(...scores.map((s) => s.mean[m]))]),
  );
  return (
    <table className="metrics" aria-label="Metrics">
      <thead>
        <tr>
          <th scope="col">method</th>
          {METRICS.map((m) => (
            <th scope="col" key={m}>
              <Term id={METRIC_TERMS[m.split('@')[0]]}>{m}</Term>
            </th>
          ))}
          <th scope="col">queries</th>
          <th scope="col">memory</th>
          <th scope="col">ms p50</th>
          <th scope="col">ms p95</th>
        </tr>
      </thead>
      <tbody>
        {scores.map((s) => (
          <tr key={s.name}>
            <th scope="row">{s.name}</th>
            {METRICS.map((m) => (
              <td key={m} className={s.mean[m] === best[m] ? 'best' : undefined}>
                {s.mean[m].toFixed(4)}
              </td>
            ))}
            <td>{s.evaluatedQueries}</td>
            <td data-bytes={s.bytes}>{formatBytes(s.bytes)}</td>
            <td>{s.latencyMs.p50.toFixed(2)}</td>
            <td>{s.latencyMs.p95.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
