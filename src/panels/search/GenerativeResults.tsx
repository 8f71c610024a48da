import { useMemo } from 'react';
import { docText } from '../../core/corpus/docText';
import { useAppStore } from '../../store/appStore';
import { Snippet } from '../../ui/Snippet';
import { Term } from '../../ui/Term';
import { SEAL_SCHEME } from '../../core/docids/seal';
import { quotedNgrams, SNIPPET_NGRAMS } from '../../core/seal/ngramSnippet';
import { NgramList } from './NgramList';

function ModelStatus() {
  const status = useAppStore((s) => s.modelStatus);
  const error = useAppStore((s) => s.modelError);
  const backend = useAppStore((s) => s.backend);
  if (status === 'loading' || (status === 'none' && !backend))
    return <p className="note">Loading the generative model…</p>;
  if (status === 'error')
    return (
      <p role="alert" className="error">
        The generative model could not load: {error}
      </p>
    );
  return (
    <p className="note">No generative model for this corpus yet: train one in the Index panel.</p>
  );
}

/**
 * Which generative model answers, so nobody mistakes a shipped model for one they trained, nor
 * the previous model for the one training now.
 */
function ModelInUse() {
  const model = useAppStore((s) => s.model);
  const training = useAppStore(
    (s) =>
      s.runKind === 'generative' &&
      (s.trainingStatus === 'preparing' ||
        s.trainingStatus === 'running' ||
        s.trainingStatus === 'paused'),
  );
  if (!model) return null;
  const source =
    model.source === 'checkpoint'
      ? 'the checkpoint shipped with the app'
      : 'the model trained in this page';
  return (
    <p className={training ? 'note note-training' : 'note'} data-testid="model-in-use">
      Answering with {source}:{' '}
      {model.docidScheme === SEAL_SCHEME ? 'SEAL n-grams' : `${model.docidScheme} docids`},{' '}
      {(model.parameters / 1e6).toFixed(2)} M parameters.
      {training &&
        ' A new model is training in the Index panel: until it is done, these answers come from this previous model.'}
    </p>
  );
}

/** The generative model's answer: docids decoded by constrained beam search, as documents. */
export function GenerativeResults() {
  const corpus = useAppStore((s) => s.corpus);
  const status = useAppStore((s) => s.modelStatus);
  const answer = useAppStore((s) => s.generative);
  const error = useAppStore((s) => s.generativeError);
  const byId = useMemo(() => new Map(corpus?.docs.map((d) => [d.id, d])), [corpus]);
  const seal = answer?.ngrams !== undefined;
  return (
    <section className="card results" aria-label="Generative results">
      <h2>
        Generative ({seal ? <Term id="seal">SEAL</Term> : <Term id="dsi">DSI</Term>}){' '}
        <small>
          {answer &&
            (seal
              ? `${answer.hits.length} documents from ${answer.ngrams!.length} n-grams in ${answer.ms.toFixed(0)} ms`
              : `${answer.hits.length} docids decoded in ${answer.ms.toFixed(0)} ms`)}
        </small>
      </h2>
      {status !== 'ready' ? <ModelStatus /> : <ModelInUse />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {answer && seal && (
        <NgramList
          ngrams={answer.ngrams!}
          found={new Set(answer.hits.flatMap((h) => (h.ngrams ?? []).slice(0, SNIPPET_NGRAMS)))}
        />
      )}
      {answer && answer.hits.length > 0 && !seal && (
        <p className="note">
          The model reads the whole question and writes docids; it matches no words, so its snippets
          show each document&apos;s opening with nothing highlighted. Its score is the
          log-probability of the docid (closer to 0 = more sure).
        </p>
      )}
      {answer && (
        <ol>
          {answer.hits.map((h, rank) => {
            const doc = byId.get(h.docId);
            return (
              <li key={`${h.docid}|${h.docId}`} className="result">
                <div className="result-head">
                  <span className="rank">{rank + 1}</span>
                  <span className="result-title">
                    {doc ? doc.title || doc.id : `invalid docid ${h.label}`}
                  </span>
                  <span
                    className="score"
                    title={
                      seal
                        ? 'SEAL score: the weights of the n-grams it holds'
                        : 'sequence log-probability'
                    }
                  >
                    {h.score.toFixed(3)}
                  </span>
                </div>
                {doc &&
                  (seal ? (
                    // SEAL's n-grams may come from the title, which the index holds too
                    <Snippet text={docText(doc)} ngrams={h.ngrams} />
                  ) : (
                    <Snippet text={doc.text} />
                  ))}
                {seal ? (
                  <span className="doc-id">
                    holds{' '}
                    <span data-testid="hit-ngrams">
                      {quotedNgrams(h.ngrams ?? [], SNIPPET_NGRAMS)}
                    </span>{' '}
                    → doc {h.docId}
                  </span>
                ) : (
                  <span className="doc-id">
                    docid <code data-testid="docid">{h.label}</code> → doc {h.docId || '—'}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
