// A new format (secretariat): its code, name, description and members. Nothing is in a new format yet,
// so no one gains or loses sight of anything and no confirmation is asked — unlike a change of members
// of a format in use (FormatForm). The server decides who may create (the list's abilities) and
// refuses anyone else with 403; the page says so instead of showing a form that cannot be sent.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { CheckboxGroup } from '../../components/calendar/CheckboxGroup.tsx';
import { Field } from '../../components/Field.tsx';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { dottedPaths, useFormFailure } from '../../components/forms/use-form-failure.ts';
import { PageTitle } from '../../components/Layout.tsx';
import { mayCreate, type Format, type Listed, type Member } from '../../components/members/model.ts';
import { Loading, PageFailure } from '../../components/Status.tsx';
import { useApi } from '../../use-api.ts';

const LABELS: Record<string, string> = { code: 'Code', name: 'Name', description: 'Description', members: 'Members' };
/** The server's rule for codes (src/council/council.schemas.ts, slug), checked here first to answer at once. */
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function NewFormatPage() {
  const formats = useApi<Listed<Format>>('/formats');
  const members = useApi<Listed<Member>>('/members');
  if (formats.status === 'loading' || members.status === 'loading') return <Loading what="the members" />;
  if (formats.error || members.error)
    return <PageFailure title="New format" error={(formats.error ?? members.error)!} retry={formats.error ? formats.reload : members.reload} back={{ to: '/formats', label: 'All formats' }} />;
  return (
    <>
      <p className="eyebrow">
        <Link to="/members">Members</Link> · <Link to="/formats">Formats</Link>
      </p>
      <PageTitle title="New format">New format</PageTitle>
      {mayCreate(formats.data) ? (
        <NewFormatForm members={members.data?.items ?? []} taken={(formats.data?.items ?? []).map((f) => f.code)} />
      ) : (
        <p className="alert" role="alert">
          Only the secretariat creates formats. <Link to="/formats">All formats</Link>
        </p>
      )}
    </>
  );
}

function NewFormatForm({ members, taken }: { members: readonly Member[]; taken: readonly string[] }) {
  const navigate = useNavigate();
  const [form, setForm] = useState({ code: '', name: '', description: '', members: [] as string[] });
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();
  const { errors, fail, clear } = failure;
  const order = members.map((m) => m.code);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const code = form.code.trim();
    const problems: Record<string, string> = {};
    if (!code) problems.code = 'Enter a code, e.g. “nrc-20”: it names the format in addresses and cannot be changed later.';
    else if (!CODE.test(code) || code.length > 60) problems.code = 'A code is lower-case letters, digits and single hyphens, at most 60 characters, e.g. “nrc-20”.';
    else if (taken.includes(code)) problems.code = `Another format already has the code “${code}”: choose another.`;
    if (!form.name.trim()) problems.name = 'Enter the format’s name, e.g. “NATO (at 19)”.';
    if (form.members.length === 0) problems.members = 'Choose at least one member.';
    if (Object.keys(problems).length) return fail(problems, 'The format was not created. Correct the fields below.');
    clear();
    setSaving(true);
    try {
      const created = await api.post<Format>('/formats', { code, name: form.name.trim(), description: form.description, members: form.members });
      navigate(`/formats/${created.code}`, { state: { notice: `${created.name} is created with ${created.members.length} ${created.members.length === 1 ? 'member' : 'members'}.` } });
    } catch (e) {
      failure.refuse(e, LABELS, dottedPaths);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="New format">
      <FailureSummary of={failure} labels={LABELS} />
      <Field label="Code" hint="Lower-case letters, digits and hyphens, e.g. “nrc-20”. It cannot be changed later." error={errors.code}>
        <input value={form.code} onChange={(e) => set('code', e.target.value)} maxLength={60} autoComplete="off" spellCheck={false} autoFocus />
      </Field>
      <Field label="Name" error={errors.name}>
        <input value={form.name} onChange={(e) => set('name', e.target.value)} maxLength={200} autoComplete="off" />
      </Field>
      <Field label="Description" error={errors.description}>
        <textarea value={form.description} onChange={(e) => set('description', e.target.value)} maxLength={5000} />
      </Field>
      <CheckboxGroup
        legend="Members"
        hint="Who is in the format decides who may see everything in it."
        error={errors.members}
        options={members.map((m) => ({ value: m.code, label: m.name }))}
        selected={form.members}
        onChange={(next) => set('members', order.filter((c) => next.includes(c)))}
        columns
      />
      <FormActions submit="Create the format" busy={saving} busyLabel="Creating…" cancelTo="/formats" />
    </form>
  );
}
