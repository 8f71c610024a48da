import type { GenerativeAnswer } from '../../worker/engineApi';
import { groupColour } from './groupColours';

export interface InspectResultsProps {
  answer: GenerativeAnswer;
  titleOfDoc: (docId: string) => string | undefined;
  onSelect(nodeId: string): void;
}

/** The ranked docids the search returned: the tree's numbered leaves, best first. */
export function InspectResults({ answer, titleOfDoc, onSelect }: InspectResultsProps) {
  const diverse = (answer.params.groups ?? 1) > 1;
  return (
    <section aria-label="Ranked results">
      <h3>Ranked results</h3>
      <ol className="inspect-results">
        {answer.hits.map((h) => (
          <li key={h.docid}>
            <button type="button" className="link" onClick={() => onSelect(`${h.docid}|eos`)}>
              <code data-testid="result-docid">{h.label}</code>{' '}
              {h.docId ? (titleOfDoc(h.docId) ?? h.docId) : 'not a document'}
            </button>{' '}
            <span className="score" title="sequence score">
              {h.score.toFixed(3)}
            </span>
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
