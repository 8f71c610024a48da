import { useAppStore } from '../../store/appStore';
import { formatMetric, INDEX_METRICS } from './trainFormat';

/** Which generative model answers queries now, and how well it did on its evaluation split. */
export function GenerativeModelInfo() {
  const model = useAppStore((s) => s.model);
  const status = useAppStore((s) => s.modelStatus);
  const error = useAppStore((s) => s.modelError);
  const corpus = useAppStore((s) => s.corpus);
  const measured = model ? INDEX_METRICS.filter((m) => model.metrics[m] !== undefined) : [];

  return (
    <section className="current-model" aria-label="Generative model">
      <h3>Generative (DSI)</h3>
      {!model && status === 'loading' && <p>Loading the model…</p>}
      {!model && status !== 'loading' && (
        <p>
          No generative model for this corpus yet. Press <strong>Index</strong> below to train one;
          until then BM25 answers on its own.
        </p>
      )}
      {status === 'error' && error && (
        <p role="alert" className="error">
          The shipped model did not load: {error}
        </p>
      )}
      {model && (
        <>
          <p>
            {model.source === 'checkpoint'
              ? 'The checkpoint shipped with the app (trained ahead of time with the classroom settings)'
              : 'A model trained in this page'}{' '}
            answers generative queries for <strong>{model.corpusName}</strong> (
            {model.docCount.toLocaleString()} documents).
          </p>
          <dl className="stats">
            <div>
              <dt>Parameters</dt>
              <dd data-testid="model-parameters">{model.parameters.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Docid scheme</dt>
              <dd data-testid="model-docids">
                {model.docidScheme}
                {(model.config as { data?: { docidVectors?: string } }).data?.docidVectors ===
                  'dense' && ' (clustered on dense embeddings)'}
              </dd>
            </div>
            {measured.map((m) => (
              <div key={m}>
                <dt>
                  {m} ({model.metricsSplit})
                </dt>
                <dd data-testid={`model-${m}`}>{formatMetric(model.metrics[m])}</dd>
              </div>
            ))}
          </dl>
          {measured.length === 0 && (
            <p className="note">No dev evaluation was recorded for this model.</p>
          )}
          {model.metrics['Hits@1'] === 0 && (
            <p className="warning" data-testid="not-learned-warning">
              <strong>This model has not learned to retrieve yet:</strong> it ranked the right
              document first for none of its {model.metricsSplit} questions (Hits@1 0.000). Train
              longer, or with the Classroom (default) preset.
            </p>
          )}
        </>
      )}
      {corpus && !model && status !== 'loading' && (
        <p className="note">
          Indexing {corpus.name} trains on {corpus.docs.length.toLocaleString()} documents.
        </p>
      )}
    </section>
  );
}
