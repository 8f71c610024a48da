import type { Doc } from '../../core/corpus/types';
import type { ColumnHit } from './compareLists';

export interface CompareColumnProps {
  label: string;
  /** what the numbers in this column are ("score = cosine similarity …") */
  scoreLabel: string;
  colour: string;
  hits: readonly ColumnHit[] | null;
  /** why there are no hits (model loading, none trained, error) */
  empty: string;
  docs: ReadonlyMap<string, Doc>;
  linked: ReadonlyMap<string, string>;
  relevant: ReadonlySet<string>;
  selected: string | null;
  onSelect(docId: string | null): void;
  note?: string;
}

/** One method's ranked list: rank, title, score; shared documents coloured, relevant ones marked. */
export function CompareColumn(props: CompareColumnProps) {
  const { label, scoreLabel, colour, hits, empty, docs, linked, relevant, selected, onSelect } =
    props;
  return (
    <section className="compare-column" aria-label={label} style={{ borderTopColor: colour }}>
      <h3>{label}</h3>
      <p className="score-label" data-testid="score-label">
        {scoreLabel}
      </p>
      {props.note && <p className="note">{props.note}</p>}
      {hits === null || hits.length === 0 ? (
        <p className="note">{hits === null ? empty : 'No results.'}</p>
      ) : (
        <ol>
          {hits.map((h, i) => {
            const doc = docs.get(h.docId);
            const link = linked.get(h.docId);
            const isSelected = selected === h.docId;
            return (
              <li
                key={h.docId}
                className={isSelected ? 'compare-hit selected' : 'compare-hit'}
                style={link ? { borderLeftColor: link } : undefined}
                data-doc={h.docId}
              >
                <button
                  type="button"
                  className="link"
                  aria-pressed={isSelected}
                  onClick={() => onSelect(isSelected ? null : h.docId)}
                >
                  <span className="rank">{i + 1}</span> {doc?.title || h.docId}
                </button>
                <span className="compare-meta">
                  <span className="score" title={scoreLabel}>
                    {h.score.toFixed(3)}
                  </span>
                  {relevant.has(h.docId) && (
                    <span className="relevant" title="judged relevant to this question">
                      ✓ relevant
                    </span>
                  )}
                  {link && (
                    <span
                      className="link-dot"
                      style={{ background: link }}
                      title="also found by another method"
                    />
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
