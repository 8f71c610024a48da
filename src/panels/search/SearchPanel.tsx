import { useAppStore } from '../../store/appStore';
import { Snippet } from '../../ui/Snippet';
import { BeamTable } from './BeamTable';
import { BeamSettings } from './BeamSettings';
import { ExampleQuestions } from './ExampleQuestions';
import { GenerativeResults } from './GenerativeResults';

function Bm25Results() {
  const corpus = useAppStore((s) => s.corpus);
  const hits = useAppStore((s) => s.bm25Hits);
  const resultsFor = useAppStore((s) => s.resultsFor);
  const ms = useAppStore((s) => s.searchMs);
  if (!corpus || resultsFor.trim() === '') return null;
  return (
    <section className="card results" aria-label="BM25 results">
      <h2>
        BM25 <small>{ms !== null && `${hits.length} results in ${ms.toFixed(1)} ms`}</small>
      </h2>
      {hits.length === 0 && <p>No document contains any of these terms.</p>}
      <ol>
        {hits.map((h, rank) => {
          const doc = corpus.docs[h.doc];
          return (
            <li key={doc.id} className="result">
              <div className="result-head">
                <span className="rank">{rank + 1}</span>
                <span className="result-title">{doc.title || doc.id}</span>
                <span className="score" title="BM25 score">
                  {h.score.toFixed(3)}
                </span>
              </div>
              <Snippet text={doc.text} query={resultsFor} />
              <span className="doc-id">doc {doc.id}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function SearchPanel() {
  const query = useAppStore((s) => s.query);
  const setQuery = useAppStore((s) => s.setQuery);
  const ready = useAppStore((s) => s.corpus !== null);

  return (
    <>
      <section className="card">
        {/* the box first, where the first screen (index.html) has it */}
        <label htmlFor="query-input" className="visually-hidden">
          Query
        </label>
        <input
          id="query-input"
          className="query"
          type="text"
          enterKeyHint="search"
          placeholder={ready ? 'Ask a question about the corpus…' : 'Loading the corpus…'}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoFocus
        />
        <p className="search-intro">
          <strong>Generative retrieval</strong> answers a question without looking words up: a
          neural network has learned the corpus by heart and writes the identifier (the{' '}
          <em>docid</em>) of the document it thinks answers, token by token, keeping the few most
          likely docids (its <em>beam</em>). The <em>Generative (DSI)</em> card shows what it
          writes; the <em>BM25</em> card shows classic keyword search on the same question, for
          comparison.
        </p>
        <ExampleQuestions />
        <BeamSettings />
      </section>
      <div className="columns">
        <GenerativeResults />
        <Bm25Results />
      </div>
      <BeamTable />
    </>
  );
}
