import { useMemo } from 'react';
import { judgedTestQuestions } from '../../core/corpus/exampleQuestions';
import { useAppStore } from '../../store/appStore';

/** The shared query, with a picker of the corpus's held-out test questions. */
export function CompareQuery() {
  const corpus = useAppStore((s) => s.corpus);
  const query = useAppStore((s) => s.query);
  const setQuery = useAppStore((s) => s.setQuery);
  const submitQuery = useAppStore((s) => s.submitQuery);
  const questions = useMemo(
    () => (corpus ? judgedTestQuestions(corpus).slice(0, 200) : []),
    [corpus],
  );
  return (
    <div className="row">
      <label htmlFor="compare-query" className="visually-hidden">
        Query
      </label>
      <input
        id="compare-query"
        className="query"
        type="text"
        enterKeyHint="search"
        placeholder="Ask a question about the corpus…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {questions.length > 0 && (
        <select
          aria-label="Test question"
          value=""
          onChange={(e) => e.target.value && submitQuery(e.target.value)}
        >
          <option value="">Pick a test question…</option>
          {questions.map((q) => (
            <option key={q.id} value={q.text}>
              {q.text}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
