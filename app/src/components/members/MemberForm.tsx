// Changing a member (secretariat): its name, the name it is seated by, its groups and the day it
// joined. The code never changes (accounts, formats and the record refer to it).
import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { Field } from '../Field.tsx';
import { FailureSummary } from '../forms/FailureSummary.tsx';
import { FormActions } from '../forms/FormActions.tsx';
import { dottedPaths, useFormFailure } from '../forms/use-form-failure.ts';
import type { Member } from './model.ts';

const LABELS: Record<string, string> = { name: 'Name', sortName: 'Sort name', groups: 'Groups', joinedOn: 'Joined on' };

/** "Ally, Founding member" → ["Ally", "Founding member"]: trimmed, empty and repeated ones left out. */
export const groupsOf = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean),
  ),
];

/** What a member's form holds for the fields a new member and a changed one share. */
export interface MemberFieldValues {
  name: string;
  sortName: string;
  groups: string;
  joinedOn: string;
}

/** The problems the page can name before sending (the server checks the rest). */
export function memberProblems(form: MemberFieldValues): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.name.trim()) problems.name = 'Enter the member’s name.';
  if (groupsOf(form.groups).some((g) => g.length > 60)) problems.groups = 'A group’s name has at most 60 characters.';
  return problems;
}

/** The shared fields as the API takes them: an empty sort name is the name, an empty date none. */
export const memberPayload = (form: MemberFieldValues) => ({
  name: form.name.trim(),
  sortName: form.sortName.trim() || form.name.trim(),
  groups: groupsOf(form.groups),
  joinedOn: form.joinedOn || null,
});

/** Name and sort name, groups and the day joined: the fields of a new member and of a change. */
export function MemberFields({
  form,
  errors,
  set,
  autoFocusName = false,
}: {
  form: MemberFieldValues;
  errors: Record<string, string>;
  set: (key: keyof MemberFieldValues, value: string) => void;
  autoFocusName?: boolean;
}) {
  return (
    <>
      <div className="field-row">
        <Field label="Name" error={errors.name}>
          <input
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            maxLength={200}
            autoComplete="off"
            autoFocus={autoFocusName}
          />
        </Field>
        <Field label="Sort name" hint="Decides the seating order; empty: the name." error={errors.sortName}>
          <input
            value={form.sortName}
            onChange={(e) => set('sortName', e.target.value)}
            maxLength={200}
            autoComplete="off"
          />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Groups" hint="Separated by commas, e.g. “Ally”." error={errors.groups}>
          <input value={form.groups} onChange={(e) => set('groups', e.target.value)} autoComplete="off" />
        </Field>
        <Field label="Joined on" hint="Optional." error={errors.joinedOn}>
          <input type="date" value={form.joinedOn} onChange={(e) => set('joinedOn', e.target.value)} />
        </Field>
      </div>
    </>
  );
}

export function MemberForm({
  member,
  onSaved,
  onCancel,
}: {
  member: Member;
  onSaved: (next: Member) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState({
    name: member.name,
    sortName: member.sortName,
    groups: member.groups.join(', '),
    joinedOn: member.joinedOn ?? '',
  });
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();
  const { errors, fail } = failure;
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = memberProblems(form);
    if (Object.keys(problems).length) return fail(problems, 'The member was not saved. Correct the fields below.');
    setSaving(true);
    try {
      onSaved(await api.patch<Member>(`/members/${member.code}`, memberPayload(form)));
    } catch (e) {
      failure.refuse(e, LABELS, dottedPaths);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form wp-inline-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="edit-member-h">
      <h2 id="edit-member-h">Change {member.name}</h2>
      <FailureSummary of={failure} labels={LABELS} />
      <MemberFields form={form} errors={errors} set={set} autoFocusName />
      <FormActions submit="Save the member" busy={saving} busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
