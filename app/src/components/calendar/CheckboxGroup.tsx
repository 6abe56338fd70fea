// A labelled group of checkboxes (topics, projects, lead members) with its inline error: the fieldset
// names the group, the error is tied to it by aria-describedby.
import { useId } from 'react';

export function CheckboxGroup({
  legend,
  options,
  selected,
  onChange,
  error,
  hint,
  columns = false,
}: {
  legend: string;
  options: { value: string; label: string }[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  hint?: string;
  columns?: boolean;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className={error ? 'group field-invalid' : 'group'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.length === 0 ? <p className="empty">None to choose from.</p> : null}
      <ul className={columns ? 'checks checks-columns' : 'checks'}>
        {options.map((o) => (
          <li key={o.value}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />{' '}
              {o.label}
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
