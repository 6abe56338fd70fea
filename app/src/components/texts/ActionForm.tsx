// A small form that sends one act to the server and shows its refusal: inline per field for a
// validation failure, and the server's sentence in a focused alert for any other (e.g. "the version
// is under silence"). Used by every act on the text page.
import { useState, type FormEvent, type ReactNode } from 'react';
import { asApiError } from '../../api.ts';
import { FailureSummary } from '../forms/FailureSummary.tsx';
import { FormActions } from '../forms/FormActions.tsx';
import { useFormFailure } from '../forms/use-form-failure.ts';
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
  const [busy, setBusy] = useState(false);
  const failure = useFormFailure();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    for (const [key, text] of Object.entries(validate?.() ?? {})) if (text) problems[key] = text;
    if (Object.keys(problems).length) return failure.fail(problems, null);
    failure.clear();
    setBusy(true);
    try {
      await send();
      setBusy(false);
      onDone();
    } catch (error) {
      setBusy(false);
      failure.fail(fieldErrorsOf(error), asApiError(error).message);
    }
  }

  return (
    <form className="form act-form" noValidate aria-label={label} onSubmit={(e) => void submit(e)}>
      <FailureSummary of={failure} />
      {children({ fields: failure.errors, busy })}
      <FormActions submit={submitLabel} busy={busy} busyLabel="Sending…" danger={danger} />
    </form>
  );
}
