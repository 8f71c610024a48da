import type { AnswerNgram } from '../../worker/engineApi';
import { formatPercent } from '../inspect/probFormat';

/** N-grams shown before "and n more". */
const SHOWN = 12;

/**
 * The n-grams a SEAL model wrote for the question, heaviest first: what each weighs in the
 * document scores, how sure the model was of it, and how often the corpus holds it.
 */
export function NgramList({
  ngrams,
  found,
}: {
  ngrams: readonly AnswerNgram[];
  /** the n-grams the returned documents show in their snippets (texts) */
  found: ReadonlySet<string>;
}) {
  const shown = ngrams.filter((n) => n.weight > 0 && found.has(n.text)).slice(0, SHOWN);
  const rest = ngrams.length - shown.length;
  return (
    <div className="ngram-list">
      <p className="note">
        The model wrote phrases (n-grams) for the question, each one a phrase of the corpus. These
        are the heaviest that found the documents below, where they are highlighted; a document
        scores the weights of those it holds. A phrase weighs more when the model was sure of it and
        the corpus holds it rarely.
      </p>
      <table aria-label="Generated n-grams">
        <thead>
          <tr>
            <th scope="col">n-gram</th>
            <th scope="col">weight</th>
            <th scope="col">model’s probability</th>
            <th scope="col">in the corpus</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((n) => (
            <tr key={n.key}>
              <td>
                <code data-testid="ngram">{n.text.trim()}</code>
              </td>
              <td>{n.weight.toFixed(2)}</td>
              <td>{formatPercent(Math.exp(n.logProb))}</td>
              <td>
                {n.count.toLocaleString('en')}× in {n.docCount.toLocaleString('en')} docs
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rest > 0 && (
        <p className="note">
          {rest} more n-grams found only lower-ranked documents, or weigh nothing (too common).
        </p>
      )}
    </div>
  );
}
