import { useId } from 'react';
import type { TrainKind } from '../../store/trainingSlice';

const KINDS: { value: TrainKind; label: string; note: string }[] = [
  {
    value: 'generative',
    label: 'Generative (DSI)',
    note: 'one seq2seq model that writes the docid of the document a text is about',
  },
  {
    value: 'dense',
    label: 'Dense (dual encoder)',
    note: 'two Transformer towers that embed queries and documents near each other (InfoNCE)',
  },
  {
    value: 'querygen',
    label: 'Query generator (DSI-QG)',
    note: 'a seq2seq model that writes questions for a passage; its filtered questions then index the generative model',
  },
];

/** Which model the next run trains: the generative index or the dense retriever. */
export function TrainKindField({
  value,
  onChange,
}: {
  value: TrainKind;
  onChange(kind: TrainKind): void;
}) {
  const id = useId();
  return (
    <fieldset className="settings-group train-kind" role="radiogroup" aria-label="Model to train">
      <legend>Model to train</legend>
      {KINDS.map((k) => (
        <div key={k.value} className="train-kind-option">
          <label>
            <input
              type="radio"
              name={id}
              value={k.value}
              checked={value === k.value}
              aria-describedby={`${id}-${k.value}`}
              onChange={() => onChange(k.value)}
            />{' '}
            {k.label}
          </label>{' '}
          <span id={`${id}-${k.value}`} className="field-hint">
            {k.note}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
