import { useId, type ReactNode } from 'react';

export interface SelectFieldProps<T extends string> {
  label: ReactNode;
  value: T;
  options: { value: T; label: string; disabled?: boolean }[];
  disabled?: boolean;
  /** one line under the field saying what it does */
  hint?: string;
  onChange(value: T): void;
}

/** A labelled select whose value is one of `options`. */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { label, value, options, disabled, hint, onChange } = props;
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-note` : undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <span id={`${id}-note`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
