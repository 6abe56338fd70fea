// API shapes with explicit field lists: the password hash, the lockout counter and token hashes never
// reach a client, whatever is added to the tables.
import type { User } from './model.ts';
import type { SessionWithUser } from './sessions.repository.ts';
import { can, type Actor } from '../kernel/access/can.ts';
import { actorOfSession } from './sessions.ts';

/**
 * What the reader may do with an account, decided by `can`. `disable` is `update` except on the reader's
 * own account: an administrator cannot disable themselves (updateAccount refuses it; another one can).
 */
export function accountAbilities(actor: Actor, u: Pick<User, 'id'>) {
  const update = can(actor, 'update', { type: 'account', userId: u.id, part: 'profile' });
  return { update, disable: update && !(actor.kind === 'user' && actor.id === u.id) };
}

/** An account as the API shows it to `actor`, with what the actor may do with it. */
export const presentUser = (u: User, actor: Actor) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: [...u.roles],
  member: u.memberCode,
  headOfDelegation: u.headOfDelegation,
  clearance: u.clearance,
  demo: u.demo,
  disabled: u.disabled,
  passwordSet: u.passwordSet,
  lockedUntil: u.lockedUntil,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
  abilities: accountAbilities(actor, u),
});

/** The answer of GET/POST /api/v1/session. */
export const presentSession = (actor: 'public' | 'user' | 'admin-token', session: SessionWithUser | null) => ({
  actor,
  user: session
    ? {
        id: session.user.id,
        email: session.user.email,
        name: session.user.name,
        roles: [...session.user.roles],
        member: session.user.memberCode,
        headOfDelegation: session.user.headOfDelegation,
        clearance: session.user.clearance,
      }
    : null,
  csrfToken: session?.csrfToken ?? null,
  expiresAt: session?.expiresAt ?? null,
  abilities: sessionAbilities(session ? actorOfSession(session) : { kind: 'public' }),
});

/** What the signed-in reader may start (the workspace's "New …" buttons), decided by `can`. */
export function sessionAbilities(actor: Actor) {
  const newItem = { formatMembers: [], isPublic: false } as const;
  return {
    createMeetings: can(actor, 'create', { type: 'meeting', ...newItem }),
    createProjects: can(actor, 'create', { type: 'project', ...newItem }),
    createEvents: can(actor, 'create', { type: 'event', ...newItem }),
    createTexts: can(actor, 'create', { type: 'text', formatMembers: [], part: 'draft' }),
    // The Accounts pages: who may list the accounts, and who may create and change them.
    viewAccounts: can(actor, 'read', { type: 'account', userId: null, part: 'profile' }),
    manageAccounts: can(actor, 'create', { type: 'account', userId: null, part: 'profile' }),
  };
}
