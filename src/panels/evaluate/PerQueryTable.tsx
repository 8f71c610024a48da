import type { EvaluationTable } from '../../store/evaluateSlice';
import { ScrollBox } from '../../ui/ScrollBox';

const METRIC = 'nDCG@10';

/** nDCG@10 of every method on every query: where one paradigm wins and another fails. */
export function PerQueryTable({ evaluation }: { evaluation: EvaluationTable }) {
  const { scores, queries } = evaluation;
  const judged = queries.filter((q) => scores[0]?.perQuery.has(q.id));
  return (
    <details>
      <summary>Per-query {METRIC}</summary>
      <ScrollBox label="Per-query scores, scrolls sideways">
        <table className="metrics">
          <thead>
            <tr>
              <th scope="col">query</th>
              {scores.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {judged.map((q) => (
              <tr key={q.id}>
                <td>{q.text}</td>
                {scores.map((s) => (
                  <td key={s.name}>{(s.perQuery.get(q.id)?.[METRIC] ?? 0).toFixed(3)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </details>
  );
}
