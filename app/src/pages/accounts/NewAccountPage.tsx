// Creating an account (administrators). The server validates: its field errors come back with their
// paths and are shown beside each field, with a summary that takes the focus. Once created, the page
// shows the one-time set-password link — the only time it is ever shown.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/Layout.tsx';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { ErrorBox } from '../../components/Status.tsx';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { AccountFields } from './AccountFields.tsx';
import {
  accountPayload,
  emptyDraft,
  LABELS,
  rolesText,
  type Account,
  type AccountDraft,
  type SetupLink,
} from './model.ts';
import { NotAvailable } from './NotAvailable.tsx';
import { SetupLinkPanel } from './SetupLinkPanel.tsx';
import { useAccountFailure } from './use-account-failure.ts';

export function NewAccountPage() {
  const { abilities } = useSession();
  if (!abilities.manageAccounts) return <NotAvailable title="New account" />;
  return <NewAccount />;
}

function NewAccount() {
  const members = useApi<{ items: { code: string; name: string }[] }>('/members');
  const [draft, setDraft] = useState<AccountDraft>(emptyDraft);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<{ user: Account; link: SetupLink } | null>(null);
  const failure = useAccountFailure('The account was not created. Correct the fields below.');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    try {
      const answer = await api.post<{ user: Account } & SetupLink>('/users', accountPayload(draft));
      setCreated({ user: answer.user, link: { setupUrl: answer.setupUrl, setupExpiresAt: answer.setupExpiresAt } });
      failure.clear();
    } catch (e) {
      failure.refuse(e);
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
          {user.member ? `, ${user.member}${user.headOfDelegation ? ', head of delegation' : ''}` : ''}) is created. It
          has no password yet.
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
      <p className="lede">
        The person receives a one-time link to choose their password; you will see it once, after creating the account.
      </p>
      {members.error ? <ErrorBox error={members.error} retry={members.reload} /> : null}
      <FailureSummary of={failure} labels={LABELS} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <AccountFields
          draft={draft}
          onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
          errors={failure.errors}
          members={members.data?.items ?? []}
        />
        <FormActions submit="Create the account" busy={saving} busyLabel="Creating…" cancelTo="/accounts" />
      </form>
    </>
  );
}
