import { useAppStore } from '../../store/appStore';

/**
 * The learned generator's questions for one document (DSI-QG), each marked kept or filtered: a
 * question is kept only when BM25 ranks its own document within the filter's top r.
 */
export function GeneratedQueries() {
  const summary = useAppStore((s) => s.generatedQueries);
  const docs = useAppStore((s) => s.corpus?.docs);
  const shown = useAppStore((s) => s.generatedOfDoc);
  const show = useAppStore((s) => s.showGeneratedOf);
  if (!summary || !docs) return null;
  const doc = shown ? docs.find((d) => d.id === shown.docId) : undefined;
  return (
    <section className="card" aria-label="Generated questions">
      <h2>Questions the generator wrote</h2>
      <p className="note">
        The query generator (trained on {summary.generatorCorpus}) wrote{' '}
        {summary.total.toLocaleString('en')} questions for these documents. A question is{' '}
        <strong>kept</strong> for indexing when BM25 ranks its own document within its top{' '}
        {summary.maxRank}, and <strong>filtered</strong> otherwise (
        {summary.kept.toLocaleString('en')} kept).
      </p>
      <label>
        Document{' '}
        <select
          aria-label="Document whose questions to show"
          value={shown?.docId ?? ''}
          onChange={(e) => e.target.value && void show(e.target.value)}
        >
          <option value="">Choose a document…</option>
          {docs.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title || d.id}
            </option>
          ))}
        </select>
      </label>
      {shown && (
        <>
          {doc && <p className="doc-id">document {doc.id}</p>}
          {shown.queries.length === 0 ? (
            <p className="note">The generator wrote no question for this document.</p>
          ) : (
            <ul className="generated-list" aria-label="Generated questions of the document">
              {shown.queries.map((q) => (
                <li key={q.text} data-kept={q.kept}>
                  <span className={q.kept ? 'mark-kept' : 'mark-filtered'}>
                    {q.kept ? '✓ kept' : '✗ filtered'}
                  </span>{' '}
                  {q.text}{' '}
                  <small className="note">
                    {q.rank === null
                      ? `(not in BM25's top ${summary.maxRank})`
                      : `(BM25 rank ${q.rank})`}
                  </small>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
