// A new format (secretariat): its code, name, description and members. Nothing is in a new format yet,
// so no one gains or loses sight of anything and no confirmation is asked — unlike a change of members
// of a format in use (FormatForm). The server decides who may create (the list's abilities) and
// refuses anyone else with 403; the page says so instead of showing a form that cannot be sent.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { codeProblem } from '../../components/forms/codes.ts';
import { dottedPaths, useFormFailure } from '../../components/forms/use-form-failure.ts';
import { PageTitle } from '../../components/Layout.tsx';
import { FormatFields, formatProblems } from '../../components/members/FormatForm.tsx';
import { mayCreate, type Format, type Listed, type Member } from '../../components/members/model.ts';
import { Loading, PageFailure } from '../../components/Status.tsx';
import { useApi } from '../../use-api.ts';

const LABELS: Record<string, string> = { code: 'Code', name: 'Name', description: 'Description', members: 'Members' };

export function NewFormatPage() {
  const formats = useApi<Listed<Format>>('/formats');
  const members = useApi<Listed<Member>>('/members');
  if (formats.status === 'loading' || members.status === 'loading') return <Loading what="the members" />;
  if (formats.error || members.error)
    return (
      <PageFailure
        title="New format"
        error={(formats.error ?? members.error)!}
        retry={formats.error ? formats.reload : members.reload}
        back={{ to: '/formats', label: 'All formats' }}
      />
    );
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

  async function submit(event: FormEvent) {
    event.preventDefault();
    const code = form.code.trim();
    const problems = formatProblems(form);
    const codeIssue = codeProblem(code, taken, 'nrc-20');
    if (codeIssue) problems.code = codeIssue;
    if (Object.keys(problems).length) return fail(problems, 'The format was not created. Correct the fields below.');
    clear();
    setSaving(true);
    try {
      const created = await api.post<Format>('/formats', {
        code,
        name: form.name.trim(),
        description: form.description,
        members: form.members,
      });
      void navigate(`/formats/${created.code}`, {
        state: {
          notice: `${created.name} is created with ${created.members.length} ${created.members.length === 1 ? 'member' : 'members'}.`,
        },
      });
    } catch (e) {
      failure.refuse(e, LABELS, dottedPaths);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="New format">
      <FailureSummary of={failure} labels={LABELS} />
      <Field
        label="Code"
        hint="Lower-case letters, digits and hyphens, e.g. “nrc-20”. It cannot be changed later."
        error={errors.code}
      >
        <input
          value={form.code}
          onChange={(e) => setForm((f) => ({ ...f, code: e.target.value }))}
          maxLength={60}
          autoComplete="off"
          spellCheck={false}
          autoFocus
        />
      </Field>
      <FormatFields
        form={form}
        errors={errors}
        change={(patch) => setForm((f) => ({ ...f, ...patch }))}
        members={members}
        membersHint="Who is in the format decides who may see everything in it."
      />
      <FormActions submit="Create the format" busy={saving} busyLabel="Creating…" cancelTo="/formats" />
    </form>
  );
}
