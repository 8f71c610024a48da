import { CurrentModel } from './CurrentModel';
import { GeneratedQueriesOutcome } from './GeneratedQueriesOutcome';
import { SavedModels } from './SavedModels';
import { TrainCharts } from './TrainCharts';
import { TrainControls } from './TrainControls';
import { TrainOutcome } from './TrainOutcome';
import { TrainProgress, TrainProgressBar } from './TrainProgress';
import { TrainSettings } from './TrainSettings';

/**
 * Indexing = teaching a seq2seq model the corpus (DSI), or training a dual encoder on the same
 * pairs (the dense baseline). Each part below subscribes to its own
 * slice of the store, so a training step re-renders the progress and charts, not the form.
 */
export function IndexPanel() {
  return (
    <>
      <section className="card index-intro" aria-label="About indexing">
        <h2>Index</h2>
        <p>
          In generative retrieval (DSI), <em>indexing</em> means training one sequence-to-sequence
          model to write each document&apos;s identifier when shown the document, or a question
          about it; the model itself becomes the index. For comparison, the same examples also train
          a <em>dense retriever</em>: a dual encoder that embeds queries and documents as vectors
          and ranks documents by their cosine with the query.
        </p>
      </section>
      <CurrentModel />
      {/* sticky: the run's buttons and progress stay in view while the settings scroll */}
      <section className="card train-bar" aria-label="Training controls">
        <TrainControls />
        <TrainProgressBar />
      </section>
      <TrainSettings />
      <section className="card" aria-label="Training">
        <h2>Training</h2>
        <TrainProgress />
        <TrainOutcome />
        <GeneratedQueriesOutcome />
        <TrainCharts />
      </section>
      <SavedModels />
    </>
  );
}
