// The fields of an account, shared by the new-account form and the account's page: name, email, roles,
// for a delegate the member and head of delegation, and the clearance. Each shows its server error
// beside it (aria-describedby), keyed by the API's field names.
import { useId } from 'react';
import { Field, RefOptions } from '../../components/Field.tsx';
import { CheckboxGroup } from '../../components/calendar/CheckboxGroup.tsx';
import { CLEARANCES, ROLE_HINTS, ROLE_LABELS, ROLES, type AccountDraft } from './model.ts';

export function AccountFields({
  draft,
  onChange,
  errors,
  members,
}: {
  draft: AccountDraft;
  onChange: (change: Partial<AccountDraft>) => void;
  errors: Record<string, string>;
  members: readonly { code: string; name: string }[];
}) {
  const id = useId();
  const delegate = draft.roles.includes('delegate');
  const headError = errors.headOfDelegation;
  return (
    <>
      <Field label="Name" hint="As the workspace shows it, e.g. “Head of the Russian Delegation”." error={errors.name}>
        <input
          type="text"
          value={draft.name}
          onChange={(e) => onChange({ name: e.target.value })}
          maxLength={200}
          autoComplete="off"
        />
      </Field>
      <Field label="Email address" hint="The address the person signs in with." error={errors.email}>
        <input
          type="email"
          value={draft.email}
          onChange={(e) => onChange({ email: e.target.value })}
          maxLength={254}
          autoComplete="off"
        />
      </Field>
      <CheckboxGroup
        legend="Roles"
        hint="One or more; a delegate has no other role."
        options={ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]}: ${ROLE_HINTS[r]}` }))}
        selected={draft.roles}
        onChange={(roles) => onChange({ roles })}
        error={errors.roles}
      />
      {delegate ? (
        <fieldset className="group">
          <legend>Delegation</legend>
          <Field
            label="Member"
            hint="The member the delegate acts for; they see only what it may see."
            error={errors.member}
          >
            <select value={draft.member} onChange={(e) => onChange({ member: e.target.value })}>
              <option value="">Choose a member</option>
              <RefOptions list={members} />
            </select>
          </Field>
          <div className={headError ? 'field check field-invalid' : 'field check'}>
            <label>
              <input
                type="checkbox"
                checked={draft.headOfDelegation}
                onChange={(e) => onChange({ headOfDelegation: e.target.checked })}
                aria-invalid={headError ? true : undefined}
                aria-describedby={headError ? `${id}-head-error` : undefined}
              />{' '}
              Head of delegation: places and lifts reservations, breaks silence for the member
            </label>
            {headError ? (
              <p className="field-error" id={`${id}-head-error`}>
                {headError}
              </p>
            ) : null}
          </div>
        </fieldset>
      ) : null}
      <Field label="Clearance" hint="The highest classification the person may read." error={errors.clearance}>
        <select value={draft.clearance} onChange={(e) => onChange({ clearance: e.target.value })}>
          {CLEARANCES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
