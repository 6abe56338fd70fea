// Creating an account (administrators). The server validates: its field errors come back with their
// paths and are shown beside each field, with a summary that takes the focus. Once created, the page
// shows the one-time set-password link — the only time it is ever shown.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { FormErrors } from '../../components/Field.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { serverFieldErrors, summaryFields } from '../../components/form-errors.ts';
import { ErrorBox } from '../../components/Status.tsx';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { AccountFields } from './AccountFields.tsx';
import { accountPayload, emptyDraft, LABELS, rolesText, withFieldPaths, type Account, type AccountDraft, type SetupLink } from './model.ts';
import { NotAvailable } from './NotAvailable.tsx';
import { SetupLinkPanel } from './SetupLinkPanel.tsx';

export function NewAccountPage() {
  const { abilities } = useSession();
  if (!abilities.manageAccounts) return <NotAvailable title="New account" />;
  return <NewAccount />;
}

function NewAccount() {
  const members = useApi<{ items: { code: string; name: string }[] }>('/members');
  const [draft, setDraft] = useState<AccountDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<{ user: Account; link: SetupLink } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // After every refused attempt the summary takes the focus (once rendered), so the problems are read out.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) summaryRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
  }, [refusals]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    try {
      const answer = await api.post<{ user: Account } & SetupLink>('/users', accountPayload(draft));
      setCreated({ user: answer.user, link: { setupUrl: answer.setupUrl, setupExpiresAt: answer.setupExpiresAt } });
      setErrors({});
      setFailure(null);
    } catch (e) {
      const error = withFieldPaths(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
      const fields = serverFieldErrors(error, LABELS);
      setErrors(fields);
      setFailure(Object.keys(fields).length ? 'The account was not created. Correct the fields below.' : error.message);
      setRefusals((n) => n + 1);
    } finally {
      setSaving(false);
    }
  }

  if (created) {
    const { user, link } = created;
    return (
      <>
        <PageTitle title="Account created">Account created</PageTitle>
        <p className="notice">
          The account of {user.name} ({user.email}; {rolesText(user.roles)}
          {user.member ? `, ${user.member}${user.headOfDelegation ? ', head of delegation' : ''}` : ''}) is created. It has no password yet.
        </p>
        <SetupLinkPanel heading={`Set-password link for ${user.name}`} name={user.name} link={link} />
        <p className="form-actions">
          <Link className="button secondary" to={`/accounts/${user.id}`}>
            Open the account
          </Link>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setCreated(null);
              setDraft(emptyDraft());
            }}
          >
            Create another account
          </button>
          <Link className="button secondary" to="/accounts">
            Back to the accounts
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle title="New account">New account</PageTitle>
      <p className="lede">The person receives a one-time link to choose their password; you will see it once, after creating the account.</p>
      {members.error ? <ErrorBox error={members.error} retry={members.reload} /> : null}
      <div ref={summaryRef}>
        <FormErrors message={failure} fields={summaryFields(errors, LABELS)} />
      </div>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <AccountFields draft={draft} onChange={(change) => setDraft((d) => ({ ...d, ...change }))} errors={errors} members={members.data?.items ?? []} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? 'Creating…' : 'Create the account'}
          </button>
          <Link className="button secondary" to="/accounts">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
