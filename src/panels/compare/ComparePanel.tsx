/** Generative vs dense vs BM25 side by side; needs the learned models. */
export function ComparePanel() {
  return (
    <section className="card">
      <h2>Compare</h2>
      <p>
        The same query answered by three paradigms: a generative retriever (decodes document ids), a
        dense dual encoder (nearest embeddings) and BM25 (term matching).
      </p>
      <p className="note">
        Not available yet: the dense retriever is not built. The Search panel already shows the
        generative model and BM25 side by side.
      </p>
    </section>
  );
}
