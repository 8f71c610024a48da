import { GLOSSARY, type TermId } from '../../ui/glossary';

/** the metrics of the table, in its column order */
const METRIC_TERMS: TermId[] = ['hits-at-k', 'mrr', 'ndcg', 'recall'];

/** What each score in the table measures, in the glossary's words. */
export function MetricDefinitions() {
  return (
    <section aria-labelledby="metric-definitions">
      <h3 id="metric-definitions">What the scores mean</h3>
      <dl className="glossary">
        {METRIC_TERMS.map((id) => (
          <div key={id}>
            <dt>{GLOSSARY[id].name}</dt>
            <dd>{GLOSSARY[id].definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
