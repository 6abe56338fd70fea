// One account: its state, and for administrators (the account's own `abilities`, from the server's
// `can`) the form to change it, a new one-time set-password link, and disabling or enabling it after a
// confirmation. Disabling ends the person's sessions at once (the server does that).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, asApiError } from '../../api.ts';
import { PageTitle } from '../../components/Layout.tsx';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { ErrorBox, Loading, Notice, PageFailure } from '../../components/Status.tsx';
import { longDate } from '../../components/calendar/dates.ts';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { AccountFields } from './AccountFields.tsx';
import {
  accountPayload,
  accountStatus,
  draftOf,
  LABELS,
  rolesText,
  utcText,
  type Account,
  type AccountDraft,
  type SetupLink,
} from './model.ts';
import { NotAvailable } from './NotAvailable.tsx';
import { SetupLinkPanel } from './SetupLinkPanel.tsx';
import { useAccountFailure } from './use-account-failure.ts';

type Members = readonly { code: string; name: string }[];

export function AccountDetailPage() {
  const { abilities } = useSession();
  if (!abilities.viewAccounts) return <NotAvailable title="Account" />;
  return <AccountDetail />;
}

function AccountDetail() {
  const { id } = useParams();
  const loaded = useApi<Account>(`/users/${encodeURIComponent(id ?? '')}`);
  const members = useApi<{ items: { code: string; name: string }[] }>('/members');
  const [account, setAccount] = useState<Account | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [link, setLink] = useState<SetupLink | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => setAccount(loaded.data), [loaded.data]);
  // What just changed is read out and takes the focus: the button that did it may be gone.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (loaded.error)
    return (
      <PageFailure
        title="Account"
        error={loaded.error}
        retry={loaded.reload}
        back={{ to: '/accounts', label: 'Back to the accounts' }}
      />
    );
  if (!account || members.status === 'loading') return <Loading what="the account" />;
  const a = account;
  const list = members.data?.items ?? [];
  const memberName = (code: string) => list.find((m) => m.code === code)?.name ?? code;
  const status = accountStatus(a, new Date());
  const changed = (next: Account, message: string) => {
    setAccount(next);
    setNotice(null);
    requestAnimationFrame(() => setNotice(message));
  };

  return (
    <>
      <p className="crumbs">
        <Link to="/accounts">Accounts</Link>
      </p>
      <PageTitle title={a.name}>{a.name}</PageTitle>
      <Notice text={notice} focusable ref={noticeRef} />
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`badge account-status ${status.tone}`}>{status.label}</span>
        </dd>
        <dt>Email address</dt>
        <dd>{a.email}</dd>
        <dt>Roles</dt>
        <dd>{rolesText(a.roles)}</dd>
        <dt>Member</dt>
        <dd>
          {a.member
            ? `${memberName(a.member)} (${a.member})${a.headOfDelegation ? ', head of delegation' : ''}`
            : 'None (international staff)'}
        </dd>
        <dt>Clearance</dt>
        <dd>{a.clearance}</dd>
        <dt>Password</dt>
        <dd>{a.passwordSet ? 'Set by its owner' : 'Not set yet: waiting for the one-time link to be used'}</dd>
        <dt>Created</dt>
        <dd>
          {longDate(a.createdAt.slice(0, 10))}
          {a.demo ? ' (demo data)' : ''}
        </dd>
      </dl>

      {a.abilities.update ? (
        <>
          <ChangeAccount
            key={a.updatedAt}
            account={a}
            members={list}
            onSaved={(next) =>
              changed(next, 'The account is saved. A change of roles or member applies at the person’s next request.')
            }
          />
          <section aria-labelledby="link-h" className="account-section">
            <h2 id="link-h">Set-password link</h2>
            {link ? <SetupLinkPanel heading={`New link for ${a.name}`} name={a.name} link={link} /> : null}
            <IssueLink account={a} onIssued={setLink} />
          </section>
          <section aria-labelledby="access-h" className="account-section">
            <h2 id="access-h">{a.disabled ? 'Enable the account' : 'Disable the account'}</h2>
            <DisableOrEnable
              account={a}
              onChanged={(next) => {
                // A disabled account's link no longer works: it is not left on the screen.
                if (next.disabled) setLink(null);
                changed(
                  next,
                  next.disabled
                    ? `The account is disabled: ${next.name} is signed out everywhere and cannot sign in.`
                    : `The account is enabled again: ${next.name} can sign in.`,
                );
              }}
            />
          </section>
        </>
      ) : (
        <p>Only administrators change accounts.</p>
      )}
    </>
  );
}

function ChangeAccount({
  account,
  members,
  onSaved,
}: {
  account: Account;
  members: Members;
  onSaved: (next: Account) => void;
}) {
  const [draft, setDraft] = useState<AccountDraft>(() => draftOf(account));
  const [saving, setSaving] = useState(false);
  const failure = useAccountFailure('The account was not saved. Correct the fields below.');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    try {
      onSaved(await api.patch<Account>(`/users/${account.id}`, accountPayload(draft)));
    } catch (e) {
      failure.refuse(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="change-h" className="account-section">
      <h2 id="change-h">Change the account</h2>
      <FailureSummary of={failure} labels={LABELS} />
      <form className="form" noValidate aria-labelledby="change-h" onSubmit={(e) => void submit(e)}>
        <AccountFields
          draft={draft}
          onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
          errors={failure.errors}
          members={members}
        />
        <FormActions submit="Save the account" busy={saving} busyLabel="Saving…" />
      </form>
    </section>
  );
}

function IssueLink({ account, onIssued }: { account: Account; onIssued: (link: SetupLink) => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (account.disabled) return <p>The account is disabled: a link would not work. Enable the account first.</p>;
  async function issue() {
    setBusy(true);
    setError(null);
    try {
      onIssued(await api.post<SetupLink>(`/users/${account.id}/setup-link`));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }
  const locked = account.lockedUntil && new Date(account.lockedUntil) > new Date() ? account.lockedUntil : null;
  return (
    <>
      <p>For a forgotten password, or a link that was lost or has expired. Any older link stops working.</p>
      {locked ? (
        <p>
          Sign-in is locked after wrong passwords until {utcText(locked)}; a password chosen through a new link lifts
          the lock.
        </p>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
      <button type="button" className="button secondary" disabled={busy} onClick={() => void issue()}>
        Issue a new set-password link
      </button>
    </>
  );
}

/** Disabling (or enabling) in two steps: the confirmation takes the focus, so a keyboard user lands on the choice. */
function DisableOrEnable({ account, onChanged }: { account: Account; onChanged: (next: Account) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const enabling = account.disabled;
  if (!enabling && !account.abilities.disable)
    return <p>You cannot disable your own account: another administrator can.</p>;

  async function apply() {
    setError(null);
    try {
      onChanged(await api.patch<Account>(`/users/${account.id}`, { disabled: !enabling }));
      setConfirming(false);
    } catch (e) {
      setError(asApiError(e));
    }
  }

  return (
    <>
      <p>
        {enabling
          ? `${account.name} can sign in again once the account is enabled${account.passwordSet ? '' : ' and a password is set'}.`
          : `Disabling signs ${account.name} out at once, everywhere, and refuses sign-in until the account is enabled again. Nothing else about the account changes.`}
      </p>
      {error ? <ErrorBox error={error} /> : null}
      {confirming ? (
        <div className="confirm" role="group" aria-label={enabling ? 'Confirm enabling' : 'Confirm disabling'}>
          <p>{enabling ? `Enable the account of ${account.name}?` : `Disable the account of ${account.name}?`}</p>
          <div className="form-actions">
            <button
              type="button"
              ref={confirmRef}
              className={enabling ? 'button' : 'button danger'}
              onClick={() => void apply()}
            >
              {enabling ? 'Yes, enable the account' : 'Yes, disable the account'}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {enabling ? 'Keep it disabled' : 'Keep it active'}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className={enabling ? 'button secondary' : 'button danger'}
          onClick={() => {
            setConfirming(true);
            requestAnimationFrame(() => confirmRef.current?.focus());
          }}
        >
          {enabling ? 'Enable the account…' : 'Disable the account…'}
        </button>
      )}
    </>
  );
}
