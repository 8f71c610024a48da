import { useEffect } from 'react';
import { SEAL_SCHEME } from '../../core/docids/seal';
import { useAppStore } from '../../store/appStore';
import { Term } from '../../ui/Term';
import { InspectQuery } from './InspectQuery';
import { InspectSettings } from './InspectSettings';
import { InspectView } from './InspectView';

/** Step through the beam search that decodes docids: tree, next-token chart, trie mask, groups. */
export function InspectPanel() {
  const modelStatus = useAppStore((s) => s.modelStatus);
  const query = useAppStore((s) => s.query);
  const answer = useAppStore((s) => s.inspected);
  const plain = useAppStore((s) => s.inspectedPlain);
  const error = useAppStore((s) => s.inspectError);
  const runInspect = useAppStore((s) => s.runInspect);
  const seal = useAppStore((s) => s.model?.docidScheme === SEAL_SCHEME);

  // decode on opening the panel (or once the model is ready) if the tree is not for this query
  useEffect(() => {
    if (modelStatus === 'ready' && query.trim() && answer?.query !== query) void runInspect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modelStatus]);

  return (
    <section className="card inspect" aria-label="Beam search inspector">
      <h2>Inspect the beam search</h2>
      {seal ? (
        <p className="note">
          This model (<Term id="seal">SEAL</Term>) writes phrases of the corpus one word piece at a
          time; beam search keeps the best prefixes at each step, and the corpus&apos;s suffix array
          forbids every piece that would make a phrase the corpus does not hold. Each node shows how
          often its phrase occurs (×n); documents are then ranked by the phrases they hold.
        </p>
      ) : (
        <p className="note">
          The generative model writes a docid one token at a time; beam search keeps the best
          prefixes at each step, and the trie of existing docids forbids the rest.
        </p>
      )}
      <InspectQuery />
      <InspectSettings />
      {modelStatus !== 'ready' && (
        <p className="note">
          {modelStatus === 'loading' || modelStatus === 'none'
            ? 'Waiting for the generative model (train one in the Index panel if this corpus has none)…'
            : 'The generative model could not load.'}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {answer && (
        // a new decoding starts a fresh view: last step shown, best result selected
        <InspectView
          key={`${answer.query}|${JSON.stringify(answer.params)}|${answer.ms}|${plain?.ms}`}
          answer={answer}
          plain={plain}
        />
      )}
    </section>
  );
}
