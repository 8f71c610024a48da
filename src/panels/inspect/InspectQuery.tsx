import { useAppStore } from '../../store/appStore';

/** The query to decode; it is the Search panel's query too. */
export function InspectQuery() {
  const query = useAppStore((s) => s.query);
  const setQuery = useAppStore((s) => s.setQuery);
  const runInspect = useAppStore((s) => s.runInspect);
  const inspecting = useAppStore((s) => s.inspecting);
  return (
    <form
      className="row"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        void runInspect();
      }}
    >
      <input
        type="text"
        className="query"
        enterKeyHint="search"
        aria-label="Query"
        placeholder="Ask the generative model"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <button type="submit" disabled={inspecting}>
        Decode
      </button>
    </form>
  );
}
