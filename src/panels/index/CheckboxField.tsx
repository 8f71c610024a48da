import { useId, type ReactNode } from 'react';

/** A labelled checkbox with an optional one-line hint under it. */
export function CheckboxField({
  label,
  checked,
  disabled,
  hint,
  onChange,
}: {
  label: ReactNode;
  checked: boolean;
  disabled?: boolean;
  hint?: string;
  onChange(checked: boolean): void;
}) {
  const id = useId();
  return (
    <div className="field field-check">
      <label>
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? `${id}-note` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {label}
      </label>
      {hint && (
        <span id={`${id}-note`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
