// Your account: who you are to Concord (roles, member, clearance) and changing your password. Changing
// it ends your other sessions (the server does that); this one stays signed in.
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { serverFieldErrors } from '../components/form-errors.ts';
import { FailureSummary } from '../components/forms/FailureSummary.tsx';
import { FormActions } from '../components/forms/FormActions.tsx';
import { useFormFailure } from '../components/forms/use-form-failure.ts';
import { PageTitle } from '../components/Layout.tsx';
import { useSession } from '../session.tsx';
import { rolesText } from './accounts/model.ts';

const MIN_LENGTH = 12;
const LABELS = { currentPassword: 'Current password', newPassword: 'New password', repeat: 'New password, again' };

export function AccountPage() {
  const { user } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();
  const { errors, fail: showProblems } = failure;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found: Record<string, string> = {};
    if (!current) found.currentPassword = 'Enter your current password.';
    if (next.length < MIN_LENGTH) found.newPassword = `Choose a new password of at least ${MIN_LENGTH} characters.`;
    else if (next === current) found.newPassword = 'Choose a password that differs from the current one.';
    if (repeat !== next) found.repeat = 'Type the new password twice, the same both times.';
    if (Object.keys(found).length > 0) return showProblems(found, 'The password was not changed.');
    setSaving(true);
    try {
      await api.post('/session/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      failure.clear();
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0)
        showProblems(serverFieldErrors(error, LABELS), 'The password was not changed.');
      else if (error instanceof ApiError) showProblems({}, error.message);
      else showProblems({}, String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageTitle title="Your account">Your account</PageTitle>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Roles</dt>
        <dd>{rolesText(user.roles)}</dd>
        <dt>Member</dt>
        <dd>
          {user.member
            ? `${user.member}${user.headOfDelegation ? ' (head of delegation)' : ''}`
            : 'None (international staff)'}
        </dd>
        <dt>Clearance</dt>
        <dd>{user.clearance}</dd>
      </dl>

      <h2 id="password-h">Change your password</h2>
      <p className="hint">
        At least {MIN_LENGTH} characters. Your other sessions (other browsers, other devices) are signed out; this one
        stays.
      </p>
      {done ? (
        <p className="notice" role="status">
          Your password is changed. Your other sessions are signed out.
        </p>
      ) : null}
      <FailureSummary of={failure} labels={LABELS} />
      <form className="form" aria-labelledby="password-h" noValidate onSubmit={(e) => void submit(e)}>
        <Field label={LABELS.currentPassword} error={errors.currentPassword}>
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <Field label={LABELS.newPassword} error={errors.newPassword}>
          <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </Field>
        <Field label={LABELS.repeat} error={errors.repeat}>
          <input
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </Field>
        <FormActions submit="Change password" busy={saving} busyLabel="Changing…" />
      </form>
    </>
  );
}
