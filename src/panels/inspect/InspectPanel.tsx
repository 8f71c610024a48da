/** The beam-search inspector needs the generative model; until it exists this explains the idea. */
export function InspectPanel() {
  return (
    <section className="card">
      <h2>Inspect</h2>
      <p>
        A generative retriever answers by decoding a document identifier token by token with beam
        search, restricted by a prefix tree of the identifiers that exist. This panel will show that
        search step by step.
      </p>
      <p className="note">Not available yet: it needs the generative model.</p>
    </section>
  );
}
