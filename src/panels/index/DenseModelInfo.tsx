import type { DenseInfo } from '../../worker/engineApi';
import { useAppStore } from '../../store/appStore';
import { formatMegabytes, formatMetric, INDEX_METRICS } from './trainFormat';

/** "exact" or "HNSW, recall@10 0.98 on 50 queries": how the retriever searches its embeddings. */
function searchText(search: DenseInfo['search']): string {
  if (search.kind === 'exact') return 'exact (every document scored)';
  const recall =
    search.recallAt10 === undefined
      ? ''
      : `, recall@10 ${formatMetric(search.recallAt10)}${search.sampledQueries ? ` on ${search.sampledQueries} queries` : ''}`;
  return `HNSW (approximate${recall})`;
}

/** The figures of a loaded dense retriever: size, embedding, memory, search, metrics on its evaluation split. */
function DenseStats({ dense }: { dense: DenseInfo }) {
  const measured = INDEX_METRICS.filter((m) => dense.metrics[m] !== undefined);
  const { parameterBytes, embeddingBytes, annBytes } = dense.sizes;
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Parameters</dt>
          <dd data-testid="dense-parameters">{dense.parameters.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Embedding size</dt>
          <dd data-testid="dense-dim">{dense.dim}</dd>
        </div>
        <div>
          <dt>Matryoshka prefixes</dt>
          <dd>{dense.matryoshkaDims.length > 0 ? dense.matryoshkaDims.join(', ') : 'none'}</dd>
        </div>
        <div>
          <dt>Memory</dt>
          <dd data-testid="dense-memory">
            {formatMegabytes(parameterBytes)} weights + {formatMegabytes(embeddingBytes)} embeddings
            {annBytes > 0 && ` + ${formatMegabytes(annBytes)} HNSW links`}
          </dd>
        </div>
        <div>
          <dt>Search</dt>
          <dd data-testid="dense-search">{searchText(dense.search)}</dd>
        </div>
        {measured.map((m) => (
          <div key={m}>
            <dt>
              {m} ({dense.metricsSplit})
            </dt>
            <dd data-testid={`dense-${m}`}>{formatMetric(dense.metrics[m])}</dd>
          </div>
        ))}
      </dl>
      {measured.length === 0 && (
        <p className="note">No evaluation was recorded for this retriever.</p>
      )}
    </>
  );
}

/** Which dense retriever (dual encoder) answers queries now, what it costs, and how well it did. */
export function DenseModelInfo() {
  const dense = useAppStore((s) => s.dense);
  const status = useAppStore((s) => s.denseStatus);
  const error = useAppStore((s) => s.denseError);

  return (
    <section className="current-model" aria-label="Dense retriever">
      <h3>Dense (dual encoder)</h3>
      {!dense && status === 'loading' && <p>Loading the dense retriever…</p>}
      {!dense && status !== 'loading' && (
        <p>
          No dense retriever for this corpus yet. Choose <strong>Dense (dual encoder)</strong> in
          the settings below to train one.
        </p>
      )}
      {status === 'error' && error && (
        <p role="alert" className="error">
          The shipped dense retriever did not load: {error}
        </p>
      )}
      {dense && (
        <>
          <p>
            {dense.source === 'checkpoint'
              ? 'The dense checkpoint shipped with the app (trained ahead of time with the classroom settings)'
              : 'A dense retriever trained in this page'}{' '}
            embeds queries for <strong>{dense.corpusName}</strong> (
            {dense.docCount.toLocaleString()} documents).
          </p>
          <DenseStats dense={dense} />
        </>
      )}
    </section>
  );
}
