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
      <p className="note">
        The visual inspector is not built yet. Meanwhile the Search panel lists the beam candidates
        of every decoding step under its results.
      </p>
    </section>
  );
}
