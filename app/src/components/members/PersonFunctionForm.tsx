// Adding a person to a member's delegation (a new person with one function for the member), or
// changing one person's function there (their honorific and name too, since they are shown together).
// Obvious mistakes are caught before sending; the server's refusals come back with paths such as
// "functions[0].title" and are shown beside their field, with a summary that takes the focus.
import { useState, type FormEvent } from 'react';
import { api, asApiError } from '../../api.ts';
import { Field } from '../Field.tsx';
import { FailureSummary } from '../forms/FailureSummary.tsx';
import { FormActions } from '../forms/FormActions.tsx';
import { labelled, useFormFailure } from '../forms/use-form-failure.ts';
import {
  changedPersonPayload,
  checkDraft,
  draftOf,
  formField,
  fullName,
  LABELS,
  newPersonPayload,
  type FunctionDraft,
  type Holder,
} from './delegation-model.ts';
import type { Person } from './model.ts';

export function PersonFunctionForm({
  member,
  holder,
  onSaved,
  onCancel,
}: {
  member: { code: string; name: string };
  holder: Holder | null;
  onSaved: (notice: string) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<FunctionDraft>(() => draftOf(holder));
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();
  const { errors, fail } = failure;
  const set = (key: keyof FunctionDraft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const labels: Record<string, string> = holder
    ? LABELS
    : { honorific: LABELS.honorific, name: LABELS.name, title: LABELS.title, startedOn: LABELS.startedOn };
  const heading = holder
    ? `Change the function of ${fullName(holder.person)}`
    : `Add a person to the delegation of ${member.name}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkDraft(draft);
    if (Object.keys(problems).length) return fail(problems, 'Nothing was saved. Correct the fields below.');
    setSaving(true);
    try {
      const saved = holder
        ? await api.patch<Person>(`/persons/${holder.person.id}`, changedPersonPayload(draft, holder))
        : await api.post<Person>('/persons', newPersonPayload(draft, member.code));
      onSaved(
        holder
          ? `The function of ${fullName(saved)} is saved.`
          : `${fullName(saved)} is added to the delegation of ${member.name}.`,
      );
    } catch (e) {
      const error = asApiError(e);
      const fields: Record<string, string> = {};
      for (const d of error.details) {
        const key = d.path ? formField(d.path, holder?.index ?? 0) : null;
        if (key && !(key in fields)) fields[key] = labelled(LABELS[key], d.message);
      }
      fail(fields, error.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="form wp-inline-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={holder ? `change-${holder.fn.id}-h` : 'add-person-h'}
    >
      <h3 id={holder ? `change-${holder.fn.id}-h` : 'add-person-h'}>{heading}</h3>
      <FailureSummary of={failure} labels={labels} />
      <div className="field-row">
        <Field label="Honorific" hint="Optional, e.g. “Ambassador”." error={errors.honorific}>
          <input
            value={draft.honorific}
            onChange={(e) => set('honorific', e.target.value)}
            maxLength={60}
            autoComplete="off"
            autoFocus
          />
        </Field>
        <Field label="Name" hint="As it should stand in the record." error={errors.name}>
          <input value={draft.name} onChange={(e) => set('name', e.target.value)} maxLength={200} autoComplete="off" />
        </Field>
      </div>
      <Field
        label="Function"
        hint={`The title held for ${member.name}, e.g. “Permanent Representative”.`}
        error={errors.title}
      >
        <input value={draft.title} onChange={(e) => set('title', e.target.value)} maxLength={200} autoComplete="off" />
      </Field>
      <div className="field-row">
        <Field label="Started on" hint="Optional." error={errors.startedOn}>
          <input type="date" value={draft.startedOn} onChange={(e) => set('startedOn', e.target.value)} />
        </Field>
        {holder ? (
          <Field label="Ended on" hint="Empty while the function is held." error={errors.endedOn}>
            <input
              type="date"
              value={draft.endedOn}
              min={draft.startedOn || undefined}
              onChange={(e) => set('endedOn', e.target.value)}
            />
          </Field>
        ) : null}
      </div>
      <FormActions
        submit={holder ? 'Save the function' : 'Add to the delegation'}
        busy={saving}
        busyLabel="Saving…"
        onCancel={onCancel}
      />
    </form>
  );
}
