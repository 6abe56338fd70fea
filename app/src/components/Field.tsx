// A labelled form field with its inline error: the message is tied to the input by aria-describedby
// and announced (aria-invalid), so a keyboard or screen-reader user hears what to correct.
import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';

export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The summary at the top of a form that failed: focusable, listing every problem. */
export function FormErrors({ message, fields }: { message: string | null; fields: Record<string, string> }) {
  if (!message && Object.keys(fields).length === 0) return null;
  return (
    <div className="alert" role="alert" tabIndex={-1}>
      <p>{message ?? 'Some fields need correcting.'}</p>
      {Object.keys(fields).length > 0 ? (
        <ul>
          {Object.entries(fields).map(([path, text]) => (
            <li key={path}>
              <strong>{path}</strong>: {text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The <option>s of a select over coded items (bodies, formats, members, series), by name. */
export function RefOptions({ list }: { list: readonly { code: string; name: string }[] | undefined }) {
  return (
    <>
      {(list ?? []).map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </>
  );
}

/** The <option>s of a select over a fixed list of values (kinds, statuses, precisions, versions), each with its words. */
export function ValueOptions<V extends string | number>({
  values,
  label,
}: {
  values: readonly V[];
  label: (value: V) => string | number;
}) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </>
  );
}
