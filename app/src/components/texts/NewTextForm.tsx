// The secretariat's and the chair's form for a new draft: body (and format, which defaults to the
// body's), kind, title, language and the wording of version 1. Obvious mistakes are caught here;
// everything else is the server's word, shown beside each field.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, asApiError } from '../../api.ts';
import { Field, RefOptions, ValueOptions } from '../Field.tsx';
import { FailureSummary } from '../forms/FailureSummary.tsx';
import { FormActions } from '../forms/FormActions.tsx';
import { useFormFailure } from '../forms/use-form-failure.ts';
import { KIND_LABELS } from './format.ts';
import type { Ref, TextDetail, TextKind } from './types.ts';

interface Draft {
  body: string;
  format: string;
  kind: TextKind | '';
  title: string;
  language: string;
  text: string;
  note: string;
}

/** The field errors of a refusal: only a validation failure's details name fields. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? error.fieldErrors() : {};
}

export function NewTextForm({ bodies, formats, onCancel }: { bodies: Ref[]; formats: Ref[]; onCancel: () => void }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>({
    body: '',
    format: '',
    kind: '',
    title: '',
    language: 'en',
    text: '',
    note: '',
  });
  const [busy, setBusy] = useState(false);
  const failure = useFormFailure();
  const fields = failure.errors;
  const set = (key: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!draft.body) problems.body = 'Choose the body the text belongs to.';
    if (!draft.kind) problems.kind = 'Choose what kind of text this is.';
    if (!draft.title.trim()) problems.title = 'Enter a title.';
    if (!/^[a-z]{2}$/.test(draft.language))
      problems.language = 'Enter a two-letter language code such as "en" or "ru".';
    if (!draft.text.trim()) problems.text = 'Enter the wording of the first version.';
    if (Object.keys(problems).length) return failure.fail(problems, null);
    failure.clear();
    setBusy(true);
    try {
      const created = await api.post<TextDetail>('/texts', {
        body: draft.body,
        ...(draft.format ? { format: draft.format } : {}),
        kind: draft.kind,
        title: draft.title.trim(),
        language: draft.language,
        text: draft.text,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      });
      void navigate(`/texts/${created.id}`);
    } catch (error) {
      failure.fail(fieldErrorsOf(error), asApiError(error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form wp-inline-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="new-text-h">
      <h2 id="new-text-h">New text</h2>
      <FailureSummary of={failure} />
      <div className="field-row">
        <Field label="Body" error={fields.body}>
          <select value={draft.body} onChange={set('body')}>
            <option value="">Choose a body</option>
            <RefOptions list={bodies} />
          </select>
        </Field>
        <Field label="Format" error={fields.format} hint="The body's own format unless you choose another.">
          <select value={draft.format} onChange={set('format')}>
            <option value="">The body's format</option>
            <RefOptions list={formats} />
          </select>
        </Field>
      </div>
      <div className="field-row">
        <Field label="Kind" error={fields.kind}>
          <select value={draft.kind} onChange={set('kind')}>
            <option value="">Choose a kind</option>
            <ValueOptions values={Object.keys(KIND_LABELS) as TextKind[]} label={(k) => KIND_LABELS[k]} />
          </select>
        </Field>
        <Field label="Language" error={fields.language} hint='Two letters: "en", "fr", "ru".'>
          <input value={draft.language} onChange={set('language')} maxLength={2} autoComplete="off" />
        </Field>
      </div>
      <Field label="Title" error={fields.title}>
        <input value={draft.title} onChange={set('title')} maxLength={300} />
      </Field>
      <Field label="Wording of version 1" error={fields.text}>
        <textarea value={draft.text} onChange={set('text')} rows={8} />
      </Field>
      <Field label="Note (optional)" error={fields.note}>
        <input value={draft.note} onChange={set('note')} maxLength={2000} />
      </Field>
      <FormActions submit="Create the draft" busy={busy} busyLabel="Creating…" onCancel={onCancel} />
    </form>
  );
}
