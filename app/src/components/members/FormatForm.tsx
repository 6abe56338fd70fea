// Changing a format: its name, description and members. The members decide who may see everything in
// the format — the product's central rule — so a change of members is confirmed first, naming who is
// added and removed and what they gain or lose (the server's usage counts, read at that moment).
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { api, asApiError } from '../../api.ts';
import { CheckboxGroup } from '../calendar/CheckboxGroup.tsx';
import { Field } from '../Field.tsx';
import { FailureSummary } from '../forms/FailureSummary.tsx';
import { FormActions } from '../forms/FormActions.tsx';
import { dottedPaths, useFormFailure } from '../forms/use-form-failure.ts';
import { changeSentences, membersChange, type MembersChange } from './format-change.ts';
import type { Format, FormatUsage, Member } from './model.ts';

const LABELS: Record<string, string> = { name: 'Name', description: 'Description', members: 'Members' };

/** What a format's form holds for the fields a new format and a changed one share. */
export interface FormatFieldValues {
  name: string;
  description: string;
  members: string[];
}

/** The problems the page can name before sending (the server checks the rest). */
export function formatProblems(form: FormatFieldValues): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.name.trim()) problems.name = 'Enter the format’s name, e.g. “NATO (at 19)”.';
  if (form.members.length === 0) problems.members = 'Choose at least one member.';
  return problems;
}

/** Name, description and the members (kept in seating order): the fields of a new format and of a change. */
export function FormatFields({
  form,
  errors,
  change,
  members,
  membersHint,
  autoFocusName = false,
}: {
  form: FormatFieldValues;
  errors: Record<string, string>;
  change: (patch: Partial<FormatFieldValues>) => void;
  members: readonly Member[];
  membersHint: string;
  autoFocusName?: boolean;
}) {
  const order = members.map((m) => m.code);
  return (
    <>
      <Field label="Name" error={errors.name}>
        <input
          value={form.name}
          onChange={(e) => change({ name: e.target.value })}
          maxLength={200}
          autoComplete="off"
          autoFocus={autoFocusName}
        />
      </Field>
      <Field label="Description" error={errors.description}>
        <textarea value={form.description} onChange={(e) => change({ description: e.target.value })} maxLength={5000} />
      </Field>
      <CheckboxGroup
        legend="Members"
        hint={membersHint}
        error={errors.members}
        options={members.map((m) => ({ value: m.code, label: m.name }))}
        selected={form.members}
        onChange={(next) => change({ members: order.filter((c) => next.includes(c)) })}
        columns
      />
    </>
  );
}

export function FormatForm({
  format,
  members,
  onSaved,
  onCancel,
}: {
  format: Format;
  members: readonly Member[];
  onSaved: (next: Format, change: MembersChange) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState({
    name: format.name,
    description: format.description,
    members: [...format.members],
  });
  const [confirming, setConfirming] = useState<{ change: MembersChange; usage: FormatUsage } | null>(null);
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();
  const { errors, fail, clear } = failure;
  const saveRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The confirmation takes the focus when it appears; after a cancel, the focus goes back to Save.
  const backToSave = useRef(false);
  useLayoutEffect(() => {
    if (confirming) headingRef.current?.focus();
    else if (backToSave.current) saveRef.current?.focus();
    backToSave.current = false;
  }, [confirming]);
  const order = members.map((m) => m.code);
  const nameOf = (code: string) => members.find((m) => m.code === code)?.name ?? code;
  // Any edit makes a confirmation on screen stale: it goes, and Save asks again.
  const edit = (patch: Partial<FormatFieldValues>) => {
    setConfirming(null);
    setForm((f) => ({ ...f, ...patch }));
  };

  async function save(change: MembersChange) {
    setSaving(true);
    try {
      const next = await api.patch<Format>(`/formats/${format.code}`, {
        name: form.name.trim(),
        description: form.description,
        members: form.members,
      });
      onSaved(next, change);
    } catch (e) {
      setConfirming(null);
      failure.refuse(e, LABELS, dottedPaths);
    } finally {
      setSaving(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = formatProblems(form);
    if (Object.keys(problems).length) return fail(problems, 'The format was not saved. Correct the fields below.');
    clear();
    const change = membersChange(format.members, form.members, order);
    if (change.added.length === 0 && change.removed.length === 0) return save(change);
    setSaving(true);
    try {
      const usage = await api.get<FormatUsage>(`/formats/${format.code}/usage`);
      setConfirming({ change, usage });
    } catch (e) {
      fail({}, asApiError(e).message);
    } finally {
      setSaving(false);
    }
  }

  const cancelConfirmation = () => {
    backToSave.current = true;
    setConfirming(null);
  };
  const said = confirming ? changeSentences(confirming.change, confirming.usage, nameOf) : null;

  return (
    <form className="form wp-inline-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="edit-format-h">
      <h2 id="edit-format-h">Change {format.name}</h2>
      <FailureSummary of={failure} labels={LABELS} />
      <FormatFields
        form={form}
        errors={errors}
        change={edit}
        members={members}
        autoFocusName
        membersHint="Who is in the format decides who may see everything in it. A change is confirmed before it is saved."
      />
      {confirming && said ? (
        <section className="confirm confirm-members" aria-labelledby="confirm-members-h">
          <h3 id="confirm-members-h" tabIndex={-1} ref={headingRef}>
            Confirm the change of members of {format.name}
          </h3>
          <ul>
            {said.added ? <li>{said.added}</li> : null}
            {said.removed ? <li>{said.removed}</li> : null}
          </ul>
          {said.publicNote ? <p>{said.publicNote}</p> : null}
          <p>{said.texts}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button danger"
              disabled={saving}
              onClick={() => void save(confirming.change)}
            >
              {saving ? 'Saving…' : 'Yes, change the members'}
            </button>
            <button type="button" className="button secondary" onClick={cancelConfirmation}>
              Cancel
            </button>
          </div>
        </section>
      ) : (
        <FormActions
          submit="Save the format"
          busy={saving}
          busyLabel="Saving…"
          onCancel={onCancel}
          submitRef={saveRef}
        />
      )}
    </form>
  );
}
