import { useAppStore } from '../../store/appStore';
import { ProgressBar } from '../../ui/ProgressBar';

const percent = (x: number) => `${Math.round(100 * x)}%`;

/** What the query generator wrote for this corpus and how many questions the filter kept. */
export function GeneratedQueriesOutcome() {
  const generator = useAppStore((s) => s.queryGenerator);
  const generated = useAppStore((s) => s.generatedQueries);
  const generating = useAppStore((s) => s.generating);
  const error = useAppStore((s) => s.generateError);
  const corpusName = useAppStore((s) => s.corpus?.name);
  const generate = useAppStore((s) => s.generateQueries);
  if (!generator) return null;
  return (
    <div className="outcome" aria-label="Generated questions">
      <p>
        Query generator: trained on {generator.pairs.toLocaleString('en')} (question, passage) pairs
        of {generator.corpusName}, {generator.parameters.toLocaleString('en')} parameters.
      </p>
      {generating && (
        <ProgressBar
          name="Writing questions"
          fraction={generating.done / Math.max(1, generating.total)}
          label={`${generating.done.toLocaleString('en')} of ${generating.total.toLocaleString('en')} documents`}
        />
      )}
      {error && (
        <p role="alert" className="error">
          The generator could not write questions: {error}
        </p>
      )}
      {generated && !generating && (
        <p data-testid="generated-summary">
          It wrote {generated.total.toLocaleString('en')} questions for{' '}
          {generated.docCount.toLocaleString('en')} documents of {generated.corpusName} in{' '}
          {generated.seconds.toFixed(1)} s; BM25 kept {generated.kept.toLocaleString('en')} (
          {percent(generated.kept / Math.max(1, generated.total))}) whose own document it ranks in
          its top {generated.maxRank}. See them per document in the Corpus panel.
        </p>
      )}
      {!generating && (
        <button type="button" className="secondary" onClick={() => void generate()}>
          {generated
            ? 'Write the questions again'
            : `Write questions for ${corpusName ?? 'this corpus'}`}
        </button>
      )}
    </div>
  );
}
