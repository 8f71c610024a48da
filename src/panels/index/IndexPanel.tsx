import { useAppStore } from '../../store/appStore';

/** Indexing = teaching a seq2seq model the corpus (DSI). The generative core fills this panel. */
export function IndexPanel() {
  const corpus = useAppStore((s) => s.corpus);
  return (
    <section className="card">
      <h2>Index</h2>
      <p>
        In generative retrieval, <em>indexing</em> means training one sequence-to-sequence model to
        map each document (and questions about it) to that document&apos;s identifier. The lexical
        BM25 index of {corpus ? <strong>{corpus.name}</strong> : 'the corpus'} is already built and
        answers in the Search panel.
      </p>
      <p className="note">
        Generative indexing (docid schemes, training with live loss curves) is not available yet.
      </p>
    </section>
  );
}
