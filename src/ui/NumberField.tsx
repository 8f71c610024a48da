import { useId, useState, type ReactNode } from 'react';

export interface NumberFieldProps {
  label: ReactNode;
  /** the committed value; null = empty (only where `optional`) */
  value: number | null;
  min: number;
  max: number;
  /** whole numbers only. Default true */
  integer?: boolean;
  /** empty is allowed and means "automatic" */
  optional?: boolean;
  disabled?: boolean;
  /** one line under the field saying what it does */
  hint?: ReactNode;
  onChange(value: number | null): void;
}

type Parsed = { ok: true; value: number | null } | { ok: false; value: number | null };

/** Whether `text` is a value the field may commit; `value` is the nearest one that is (or null). */
function parse(text: string, p: NumberFieldProps): Parsed {
  const integer = p.integer ?? true;
  if (text.trim() === '') return { ok: !!p.optional, value: null };
  const n = Number(text);
  if (!Number.isFinite(n)) return { ok: false, value: null };
  const clamped = Math.min(p.max, Math.max(p.min, integer ? Math.round(n) : n));
  return { ok: clamped === n, value: clamped };
}

/**
 * A labelled number input that commits only valid values, so the config never holds NaN. While
 * the text is invalid it says why; leaving the field clamps it into range (or restores it).
 */
export function NumberField(props: NumberFieldProps) {
  const { label, value, min, max, optional, disabled, hint, onChange } = props;
  const integer = props.integer ?? true;
  // what the person is typing, while it differs from the committed value
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const text = draft ?? (value === null ? '' : String(value));
  const parsed = parse(text, props);
  const message = parsed.ok
    ? null
    : `Enter ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}${optional ? ', or leave it empty for automatic' : ''}.`;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        value={text}
        placeholder={optional ? 'auto' : undefined}
        disabled={disabled}
        aria-invalid={message ? true : undefined}
        aria-describedby={message || hint ? `${id}-note` : undefined}
        onChange={(e) => {
          const next = parse(e.target.value, props);
          setDraft(e.target.value);
          if (next.ok) onChange(next.value);
        }}
        onBlur={() => {
          if (draft !== null && !parsed.ok && (parsed.value !== null || optional)) {
            onChange(parsed.value);
          }
          setDraft(null);
        }}
      />
      {(message || hint) && (
        <span id={`${id}-note`} className={message ? 'field-error' : 'field-hint'}>
          {message ?? hint}
        </span>
      )}
    </div>
  );
}
