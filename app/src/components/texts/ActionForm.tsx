// A small form that sends one act to the server and shows its refusal: inline per field for a
// validation failure, and the server's sentence in a focused alert for any other (e.g. "the version
// is under silence"). Used by every act on the text page.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api.ts';
import { FormErrors } from '../Field.tsx';
import { fieldErrorsOf } from './NewTextForm.tsx';

export interface ActState {
  fields: Record<string, string>;
  busy: boolean;
}

export function ActionForm({
  label,
  submitLabel,
  danger,
  validate,
  send,
  children,
  onDone,
}: {
  label: string;
  submitLabel: string;
  danger?: boolean;
  /** Client-side checks: field → message. */
  validate?: () => Partial<Record<string, string>>;
  send: () => Promise<unknown>;
  children: (state: ActState) => ReactNode;
  onDone: () => void;
}) {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const focus = () => setTimeout(() => box.current?.querySelector<HTMLElement>('[role="alert"]')?.focus(), 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    for (const [key, text] of Object.entries(validate?.() ?? {})) if (text) problems[key] = text;
    setFields(problems);
    setMessage(null);
    if (Object.keys(problems).length) return focus();
    setBusy(true);
    try {
      await send();
      setBusy(false);
      onDone();
    } catch (error) {
      setBusy(false);
      setFields(fieldErrorsOf(error));
      setMessage(error instanceof ApiError ? error.message : String(error));
      focus();
    }
  }

  return (
    <form className="form act-form" noValidate aria-label={label} onSubmit={(e) => void submit(e)}>
      <div ref={box}>
        <FormErrors message={message} fields={fields} />
      </div>
      {children({ fields, busy })}
      <div className="form-actions">
        <button type="submit" className={danger ? 'button danger' : 'button'} disabled={busy}>
          {busy ? 'Sending…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
