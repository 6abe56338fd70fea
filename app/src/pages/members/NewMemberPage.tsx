// A new member of the council (secretariat): an enlargement. The member joins no format by being
// created — who sees what is decided by the formats, so the secretariat adds the new member to each
// format on its page, where the change of members is confirmed (FormatForm). The page says so after
// creating. The server decides who may create (the list's abilities); anyone else reads why not.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { dottedPaths, useFormFailure } from '../../components/forms/use-form-failure.ts';
import { PageTitle } from '../../components/Layout.tsx';
import { MemberFields, memberPayload, memberProblems } from '../../components/members/MemberForm.tsx';
import { mayCreate, type Listed, type Member } from '../../components/members/model.ts';
import { Loading, PageFailure } from '../../components/Status.tsx';
import { useApi } from '../../use-api.ts';

const LABELS: Record<string, string> = {
  code: 'Code',
  name: 'Name',
  sortName: 'Sort name',
  kind: 'Kind',
  groups: 'Groups',
  joinedOn: 'Joined on',
};
/** The server's rule for member codes (src/council/council.schemas.ts, memberCode), checked here first to answer at once. */
const CODE = /^[A-Z]{2,8}$/;

export function NewMemberPage() {
  const members = useApi<Listed<Member>>('/members');
  if (members.status === 'loading') return <Loading what="the members" />;
  if (members.error)
    return (
      <PageFailure
        title="New member"
        error={members.error}
        retry={members.reload}
        back={{ to: '/members', label: 'All members' }}
      />
    );
  return (
    <>
      <p className="eyebrow">
        <Link to="/members">Members</Link>
      </p>
      <PageTitle title="New member">New member</PageTitle>
      {mayCreate(members.data) ? (
        <NewMemberForm taken={(members.data?.items ?? []).map((m) => m.code)} />
      ) : (
        <p className="alert" role="alert">
          Only the secretariat adds members. <Link to="/members">All members</Link>
        </p>
      )}
    </>
  );
}

function NewMemberForm({ taken }: { taken: readonly string[] }) {
  const navigate = useNavigate();
  const [form, setForm] = useState({
    code: '',
    name: '',
    sortName: '',
    kind: 'state' as Member['kind'],
    groups: '',
    joinedOn: '',
  });
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();
  const { errors, fail, clear } = failure;
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const code = form.code.trim().toUpperCase();
    const problems = memberProblems(form);
    if (!code)
      problems.code = 'Enter the member’s code, e.g. “EST” (ISO 3166 alpha-3 for a state): it cannot be changed later.';
    else if (!CODE.test(code)) problems.code = 'A code is 2 to 8 letters, e.g. “EST”.';
    else if (taken.includes(code)) problems.code = `Another member already has the code “${code}”.`;
    if (Object.keys(problems).length) return fail(problems, 'The member was not added. Correct the fields below.');
    clear();
    setSaving(true);
    try {
      const created = await api.post<Member>('/members', { code, kind: form.kind, ...memberPayload(form) });
      void navigate(`/members/${created.code}`, {
        state: {
          notice: `${created.name} is added to the council. It is in no format yet: add it to its formats on their pages.`,
        },
      });
    } catch (e) {
      failure.refuse(e, LABELS, dottedPaths);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="New member">
      <FailureSummary of={failure} labels={LABELS} />
      <div className="field-row">
        <Field label="Code" hint="2 to 8 capital letters, e.g. “EST”. It cannot be changed later." error={errors.code}>
          <input
            value={form.code}
            onChange={(e) => set('code', e.target.value)}
            maxLength={8}
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
        </Field>
        <Field label="Kind" error={errors.kind}>
          <select value={form.kind} onChange={(e) => set('kind', e.target.value as Member['kind'])}>
            <option value="state">State</option>
            <option value="organisation">Organisation</option>
          </select>
        </Field>
      </div>
      <MemberFields form={form} errors={errors} set={set} />
      <FormActions submit="Add the member" busy={saving} busyLabel="Adding…" cancelTo="/members" />
    </form>
  );
}
