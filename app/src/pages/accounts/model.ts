// Accounts as /api/v1/users answers them (src/accounts/accounts.schemas.ts), the form's draft and its
// translation to the API, and how an account's state is told to people. Pure.
import { ApiError } from '../../api.ts';

// The server's own lists (src/accounts/model.ts, pure), so the form offers exactly what it accepts.
import { CLEARANCES, ROLES } from '../../../../src/accounts/model.ts';

export { CLEARANCES, ROLES };

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrator',
  secretariat: 'Secretariat',
  chair: 'Chair',
  delegate: 'Delegate',
  auditor: 'Auditor',
};
export const ROLE_HINTS: Record<string, string> = {
  admin: 'creates and changes accounts',
  secretariat: "keeps the council's data, drafts texts",
  chair: 'runs the consensus procedures',
  delegate: 'acts for one member; sees only what that member may see',
  auditor: 'reads everything, changes nothing',
};

export interface Account {
  id: string;
  email: string;
  name: string;
  roles: string[];
  member: string | null;
  headOfDelegation: boolean;
  clearance: string;
  demo: boolean;
  disabled: boolean;
  passwordSet: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
  abilities: { update: boolean; disable: boolean };
}

/** The answer of POST /users and POST /users/:id/setup-link: the link is shown this once. */
export interface SetupLink {
  setupUrl: string;
  setupExpiresAt: string;
}

export interface AccountDraft {
  name: string;
  email: string;
  roles: string[];
  member: string;
  headOfDelegation: boolean;
  clearance: string;
}

export const emptyDraft = (): AccountDraft => ({
  name: '',
  email: '',
  roles: [],
  member: '',
  headOfDelegation: false,
  clearance: 'RESTRICTED',
});

export const draftOf = (a: Account): AccountDraft => ({
  name: a.name,
  email: a.email,
  roles: [...a.roles],
  member: a.member ?? '',
  headOfDelegation: a.headOfDelegation,
  clearance: a.clearance,
});

/**
 * The body of POST /users and PATCH /users/:id. Member and head of delegation are a delegate's only:
 * the form hides them for other roles, and sends nothing hidden. The server checks everything.
 */
export function accountPayload(d: AccountDraft) {
  const delegate = d.roles.includes('delegate');
  return {
    name: d.name,
    email: d.email,
    roles: ROLES.filter((r) => d.roles.includes(r)),
    member: delegate && d.member ? d.member : null,
    headOfDelegation: delegate && d.headOfDelegation,
    clearance: d.clearance,
  };
}

/** The form's labels by field, in the form's order (the summary lists problems in this order). */
export const LABELS: Record<string, string> = {
  name: 'Name',
  email: 'Email address',
  roles: 'Roles',
  member: 'Member',
  headOfDelegation: 'Head of delegation',
  clearance: 'Clearance',
  disabled: 'Disabled',
};

/** The server names list items "roles[0]"; the form's fields are the lists themselves. */
export function withFieldPaths(error: ApiError): ApiError {
  const details = error.details.map((d) =>
    d.path ? { ...d, path: d.path.replace(/\[\d+\]/g, '').replace(/\.\d+$/, '') } : d,
  );
  return new ApiError(error.status, error.code, error.message, details);
}

/** "09:15 UTC on 4 January 2026", as the server's lockout messages say it. */
export function utcText(instant: string): string {
  const date = new Date(instant);
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
  return `${date.toISOString().slice(11, 16)} UTC on ${day}`;
}

export type AccountStatus = {
  key: 'disabled' | 'locked' | 'awaiting' | 'active';
  label: string;
  tone: 'bad' | 'warn' | 'ok';
};

/** Active, awaiting its first password, locked after wrong passwords (until when), or disabled. */
export function accountStatus(a: Pick<Account, 'disabled' | 'passwordSet' | 'lockedUntil'>, now: Date): AccountStatus {
  if (a.disabled) return { key: 'disabled', label: 'Disabled', tone: 'bad' };
  if (a.lockedUntil && new Date(a.lockedUntil).getTime() > now.getTime())
    return { key: 'locked', label: `Locked until ${utcText(a.lockedUntil)}`, tone: 'warn' };
  if (!a.passwordSet) return { key: 'awaiting', label: 'Awaiting password', tone: 'warn' };
  return { key: 'active', label: 'Active', tone: 'ok' };
}

export const rolesText = (roles: readonly string[]) => roles.map((r) => ROLE_LABELS[r] ?? r).join(', ');
