import { useDeferredValue, useMemo, useState } from 'react';
import { useAppStore } from '../../store/appStore';

const PAGE_SIZE = 20;

/** The corpus as a filterable, paged table; text is rendered as text, never as HTML. */
export function DocumentTable() {
  const docs = useAppStore((s) => s.corpus?.docs);
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const deferred = useDeferredValue(filter.trim().toLowerCase());
  const rows = useMemo(() => {
    if (!docs) return [];
    if (!deferred) return docs;
    return docs.filter(
      (d) =>
        d.id.toLowerCase().includes(deferred) ||
        d.title.toLowerCase().includes(deferred) ||
        d.text.toLowerCase().includes(deferred),
    );
  }, [docs, deferred]);
  if (!docs) return null;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  return (
    <section className="card" aria-label="Documents">
      <h2>Documents</h2>
      <div className="row">
        <input
          type="search"
          aria-label="Filter documents"
          placeholder="Filter by id, title or text"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setPage(0);
          }}
        />
        <span role="status" aria-label="Matching documents">
          {rows.length.toLocaleString()} of {docs.length.toLocaleString()} documents
        </span>
      </div>
      <table className="doc-table">
        <thead>
          <tr>
            <th scope="col">id</th>
            <th scope="col">title</th>
            <th scope="col">text</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((d) => (
            <tr key={d.id}>
              <td>{d.id}</td>
              <td>{d.title}</td>
              <td className="doc-text">
                {d.text.length > 240 ? `${d.text.slice(0, 240)}…` : d.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row pager">
        <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0}>
          Previous page
        </button>
        <span>
          Page {current + 1} of {pages}
        </span>
        <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
          Next page
        </button>
      </div>
    </section>
  );
}
