import { beamOfPrefix, type SearchTree, type TraceEntry } from '../../core/decode/searchTree';
import type { Doc } from '../../core/corpus/types';
import { docidToString, formatDocid } from '../../core/docids/types';
import { useAppStore } from '../../store/appStore';
import { selectDocidVocab } from '../../store/modelSlice';
import { groupColour, tokenLabel } from './groupColours';
import { NextTokenChart } from './NextTokenChart';
import { formatLogProb, formatPercent } from './probFormat';

export interface NodeDetailsProps {
  search: SearchTree;
  trace: readonly TraceEntry[];
  nodeId: string | null;
  constrained: boolean;
  doc: Doc | undefined;
  clusterTerms: (prefix: string) => string[] | undefined;
  /** SEAL: the selected n-gram's corpus count and (for an ended one) its first documents */
  ngram?: { count: number | undefined; docs: Doc[] };
}

const pct = (x: number) => formatPercent(x, 1);

/** The selected prefix: its next-token distribution with the trie mask, or the document it names. */
export function NodeDetails({
  search,
  trace,
  nodeId,
  constrained,
  doc,
  clusterTerms,
  ngram,
}: NodeDetailsProps) {
  const vocab = useAppStore(selectDocidVocab);
  const node = nodeId === null ? undefined : search.nodes.get(nodeId);
  if (!node)
    return <p className="note">Select a node of the tree to see its next-token distribution.</p>;
  const docid = formatDocid(node.tokens, vocab);
  const terms =
    node.status === 'kept' || node.status === 'root'
      ? clusterTerms(docidToString(node.tokens))
      : undefined;
  const heading =
    node.status === 'root'
      ? ngram
        ? 'Start (the empty n-gram)'
        : 'Start (the empty docid)'
      : node.status === 'finished'
        ? `${ngram ? 'N-gram' : 'Docid'} ${docid}`
        : `${node.status === 'pruned' ? 'Pruned prefix' : 'Prefix'} ${docid}`;
  const count =
    ngram?.count !== undefined && node.status !== 'root' ? (
      <p data-testid="ngram-count">
        Occurs {ngram.count.toLocaleString('en')} time{ngram.count === 1 ? '' : 's'} in the corpus
        (counted in its suffix array).
      </p>
    ) : null;

  if (node.status === 'finished' && ngram) {
    return (
      <div aria-label="Selected node" role="region">
        <h3>{heading}</h3>
        <p>
          Log-probability of writing this n-gram and ending it: log p {formatLogProb(node.logProb)}{' '}
          (probability {pct(Math.exp(node.logProb))}).
        </p>
        {count}
        <h4>
          Documents it points to{ngram.docs.length < (ngram.count ?? 0) ? ' (the first ones)' : ''}
        </h4>
        <ul aria-label="Documents of the n-gram">
          {ngram.docs.map((d) => (
            <li key={d.id}>
              {d.title || d.id} <span className="doc-id">({d.id})</span>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  if (node.status === 'finished') {
    return (
      <div aria-label="Selected node" role="region">
        <h3>{heading}</h3>
        <p>
          Log-probability of the whole docid, end token included: log p{' '}
          {formatLogProb(node.logProb)} (probability {pct(Math.exp(node.logProb))})
          {node.resultRank !== undefined
            ? `, returned at rank ${node.resultRank + 1}`
            : ', ended but not among the returned results'}
          .
        </p>
        {doc ? (
          <article className="doc-card" aria-label="Document">
            <h4>{doc.title || doc.id}</h4>
            <p className="doc-id">document {doc.id}</p>
            <p>{doc.text.length > 600 ? `${doc.text.slice(0, 600)}…` : doc.text}</p>
          </article>
        ) : (
          <p className="error">
            This sequence is not the docid of any document (unconstrained decoding).
          </p>
        )}
      </div>
    );
  }

  const beam = beamOfPrefix(trace, node.tokens);
  // small vocabularies (digits) show every token in order; large ones their most likely tokens
  const bars = beam?.logProbs
    ? beam.logProbs.map((logProb, token) => ({ token, logProb }))
    : beam?.top;
  const kept = [...search.nodes.values()]
    .filter((n) => n.parent === node.id && n.status !== 'pruned')
    .map((n) => n.token!);
  return (
    <div aria-label="Selected node" role="region">
      <h3>{heading}</h3>
      {node.status !== 'root' && (
        <p>
          Chance of the token {tokenLabel(node.token, vocab)} after the prefix before it:{' '}
          {pct(node.stepProb)}. Log-probability of the whole prefix: log p{' '}
          {formatLogProb(node.logProb)} (probability {pct(Math.exp(node.logProb))}).
          {node.status === 'pruned' && ` It fell out of the beam at step ${node.step + 1}.`}
        </p>
      )}
      {count}
      {terms && terms.length > 0 && (
        <p>
          Cluster {docid || '(all documents)'}: <strong>{terms.join(', ')}</strong>
        </p>
      )}
      {beam && bars ? (
        <>
          <h4>Next token after {docid || 'the start'}</h4>
          <NextTokenChart
            bars={bars}
            vocab={vocab}
            allowed={constrained ? beam.allowed : bars.map((b) => b.token)}
            kept={kept}
            penalty={beam.diversityPenalty}
            colour={groupColour(search.groups > 1 ? beam.group : 0)}
          />
          {!beam.logProbs && (
            <p className="note">
              The {bars.length} most likely of {vocab.size.toLocaleString('en')} tokens; the others
              share {pct(Math.max(0, 1 - bars.reduce((s, b) => s + Math.exp(b.logProb), 0)))}.
            </p>
          )}
          <p data-testid="masked-mass">
            {constrained && ngram
              ? `The suffix array allows ${beam.allowed.length} of ${vocab.size.toLocaleString('en')} tokens here (those that follow this n-gram somewhere in the corpus, and the end); the constraint removed ${pct(beam.maskedMass)} of the probability mass.`
              : constrained
                ? `The trie allows ${beam.allowed.length} of ${vocab.size.toLocaleString('en')} tokens here; the constraint removed ${pct(beam.maskedMass)} of the probability mass.`
                : `Unconstrained: ${pct(beam.maskedMass)} of the probability mass goes to tokens that leave the set of docids.`}
          </p>
        </>
      ) : (
        <p className="note">
          {node.status === 'pruned'
            ? 'A pruned prefix is never expanded, so the model gave no distribution after it.'
            : 'The search stopped before expanding this prefix.'}
        </p>
      )}
    </div>
  );
}
