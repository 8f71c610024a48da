import { useMemo } from 'react';
import { resultShortfall } from '../../core/decode/resultShortfall';
import { formatDocid } from '../../core/docids/types';
import { quotedNgrams } from '../../core/seal/ngramSnippet';
import { useAppStore } from '../../store/appStore';
import { selectDocidVocab } from '../../store/modelSlice';
import type { GenerativeAnswer } from '../../worker/engineApi';
import { groupColour } from './groupColours';
import { formatLogProb, formatPercent } from './probFormat';
import { shortfallNote } from './shortfallNote';

export interface InspectResultsProps {
  answer: GenerativeAnswer;
  titleOfDoc: (docId: string) => string | undefined;
  onSelect(nodeId: string): void;
}

/**
 * The ranked docids the search returned: the tree's numbered leaves, best first; and, when fewer
 * came back than were asked for, why (groups that ended the same docids, or too few docids ended).
 */
export function InspectResults({ answer, titleOfDoc, onSelect }: InspectResultsProps) {
  const vocab = useAppStore(selectDocidVocab);
  const { params, hits, trace } = answer;
  const diverse = (params.groups ?? 1) > 1;
  const asked = Math.min(params.topK, params.beamSize);
  const shortfall = useMemo(() => resultShortfall(trace, asked), [trace, asked]);
  const normalised = params.lengthPenalty !== 0;
  return (
    <section aria-label="Ranked results">
      <h3>Ranked results</h3>
      {shortfall && hits.length < asked && (
        <p className="note shortfall-note" role="note" data-testid="shortfall-note">
          {shortfallNote(shortfall, hits.length, (tokens) => formatDocid(tokens, vocab))}
        </p>
      )}
      <ol className="inspect-results">
        {hits.map((h) => (
          <li key={`${h.docid}|${h.docId}`}>
            <button type="button" className="link" onClick={() => onSelect(`${h.docid}|eos`)}>
              <code data-testid="result-docid">{h.label}</code>{' '}
              {h.docId ? (titleOfDoc(h.docId) ?? h.docId) : 'not a document'}
            </button>{' '}
            {h.ngrams ? (
              <span className="score" title="SEAL score: the weights of the phrases it holds">
                score {h.score.toFixed(2)} · holds {quotedNgrams(h.ngrams, 3)}
              </span>
            ) : (
              <span
                className="score"
                title={
                  normalised
                    ? 'score = log p / length^α; probability of the whole docid'
                    : 'log-probability and probability of the whole docid'
                }
              >
                {normalised && `score ${formatLogProb(h.score)} · `}log p {formatLogProb(h.logProb)}{' '}
                ({formatPercent(Math.exp(h.logProb))})
              </span>
            )}
            {diverse && h.group !== undefined && (
              <span className="group-chip" style={{ background: groupColour(h.group) }}>
                group {h.group + 1}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
