// The one function that decides what an actor may see and do. Every surface (pages, API, search,
// feeds, calendar, exports, live updates) asks `can`; nothing else decides access.
//
// Rule of the product: an item that belongs to a format is visible to a delegate only if the
// delegate's member is in that format; secretariat staff see everything; the public sees only what
// has been made public — and what is public is seen by everyone, signed in or not. Items a reader may not see are answered exactly like missing ones.

export type Role = 'admin' | 'secretariat' | 'chair' | 'delegate' | 'auditor';

export type Actor =
  | { kind: 'public' }
  /** The server itself or a local operator's CLI (demo loader, importer, deadlines). */
  | { kind: 'system'; name: string }
  /** The API token of the interim administrator (ADMIN_TOKEN), until accounts exist. */
  | { kind: 'admin-token' }
  /** A signed-in account (session cookie); `clearance` is the highest classification it may read. */
  | { kind: 'user'; id: string; roles: Role[]; member: string | null; headOfDelegation: boolean; clearance: string };

/** A signed-in account's actor. */
export type UserActor = Extract<Actor, { kind: 'user' }>;

/** What `can` reads of an account: the one mapping from an account (or its row) to a signed-in actor. */
export interface AccountAccess {
  id: string;
  roles: Role[];
  memberCode: string | null;
  headOfDelegation: boolean;
  clearance: string;
}

/** The actor of a signed-in account, as `can` sees it (sessions, feeds, live streams, notices, the demo). */
export function userActor(account: AccountAccess): UserActor {
  return {
    kind: 'user',
    id: account.id,
    roles: account.roles,
    member: account.memberCode,
    headOfDelegation: account.headOfDelegation,
    clearance: account.clearance,
  };
}

export type Action = 'read' | 'create' | 'update' | 'delete';

/** What `can` needs to know about a resource; reference data (members, formats, topics) is open. */
export type Resource =
  | { type: 'council' | 'member' | 'format' | 'topic' | 'person' }
  | { type: 'body'; formatMembers: readonly string[]; isPublic: boolean }
  /** An item of the public record: published items are for everyone; unpublished ones for staff. */
  | { type: 'record-item'; published: boolean }
  /** Meetings, work-programme projects and calendar events follow the body rule, on their own format. */
  | { type: 'meeting' | 'project' | 'event'; formatMembers: readonly string[]; isPublic: boolean }
  /** A personal calendar feed token: any signed-in actor manages their own (ownership is checked by the service). */
  | { type: 'calendar-feed-token' }
  /**
   * A draft text (issue 5), on its own format. `part` says what is done: 'draft' (the text, its
   * versions, language links, procedures), 'position' (a member's support or comment).
   */
  | { type: 'text'; formatMembers: readonly string[]; part: 'draft' | 'position' }
  /** An adopted text in the decision register; 'release' puts it on the public record. */
  | { type: 'decision'; formatMembers: readonly string[]; part: 'register' | 'release' }
  /** A person's in-app notifications: only that person reads them and marks them read. */
  | { type: 'notification'; userId: string }
  /** A user account (userId null: the list, or one not yet created); `part` separates the password. */
  | { type: 'account'; userId: string | null; part: 'profile' | 'password' };

const STAFF_ROLES: readonly Role[] = ['admin', 'secretariat', 'chair', 'auditor'];

/** The audit name of an actor, as written in the audit trail. */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'public':
      return 'public';
    case 'system':
      return `system:${actor.name}`;
    case 'admin-token':
      return 'admin-token';
    case 'user':
      return `user:${actor.id}`;
  }
}

function isStaff(actor: Actor): boolean {
  return (
    actor.kind === 'system' ||
    actor.kind === 'admin-token' ||
    (actor.kind === 'user' && actor.roles.some((r) => STAFF_ROLES.includes(r)))
  );
}

function mayEditReferenceData(actor: Actor): boolean {
  return (
    actor.kind === 'system' ||
    actor.kind === 'admin-token' ||
    (actor.kind === 'user' && actor.roles.some((r) => r === 'admin' || r === 'secretariat'))
  );
}

/** Decides whether `actor` may perform `action` on `resource`. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (resource.type === 'account') return canOnAccount(actor, action, resource);
  if (resource.type === 'calendar-feed-token') return actor.kind === 'user' || actor.kind === 'admin-token';
  if (resource.type === 'notification')
    return actor.kind === 'user' && actor.id === resource.userId && (action === 'read' || action === 'update');
  if (resource.type === 'text' || resource.type === 'decision') return canOnText(actor, action, resource);
  if (action !== 'read') return mayEditReferenceData(actor);
  if (resource.type === 'record-item') return resource.published || isStaff(actor);
  // Items that belong to a format (bodies, meetings, projects, events): the body rule below.
  if (!('formatMembers' in resource)) return true;
  // Public means public to everyone, signed in or not: a public item at 19 is on the public site, so a
  // partner's delegate reads it too (the secretariat is warned of that when it makes such an item public).
  if (isStaff(actor) || resource.isPublic) return true;
  if (actor.kind === 'user' && actor.member !== null) return resource.formatMembers.includes(actor.member);
  return resource.isPublic;
}

// Accounts: the people who manage accounts (admins, the secretariat) read them and everyone reads
// their own; only admins create or change them; a password is changed by its owner alone (an admin
// issues a new set-password link instead, which is an update of the profile).
function canOnAccount(
  actor: Actor,
  action: Action,
  resource: { userId: string | null; part: 'profile' | 'password' },
): boolean {
  const self = actor.kind === 'user' && resource.userId !== null && actor.id === resource.userId;
  if (resource.part === 'password') return action === 'update' && self;
  const admin =
    actor.kind === 'system' || actor.kind === 'admin-token' || (actor.kind === 'user' && actor.roles.includes('admin'));
  if (action === 'read') return admin || self || (actor.kind === 'user' && actor.roles.includes('secretariat'));
  return admin;
}

// Texts and decisions are never public (a released statement reaches the public as a record item).
// Staff read every text; a delegate reads those whose format holds their member. Drafting (texts,
// versions, language links, procedure acts) is for the secretariat and the chair — the procedure's
// state machine then decides which act needs the chair. A support or comment position is taken by a
// delegate of a member of the format; reservations and silence breaks need only `read` here: the
// state machine checks the head of delegation and the member. Releasing a decision is secretariat work.
function canOnText(
  actor: Actor,
  action: Action,
  resource: { type: 'text' | 'decision'; formatMembers: readonly string[]; part: string },
): boolean {
  const inFormat = actor.kind === 'user' && actor.member !== null && resource.formatMembers.includes(actor.member);
  if (action === 'read') return isStaff(actor) || inFormat;
  if (actor.kind === 'public') return false;
  const machine = actor.kind === 'system' || actor.kind === 'admin-token';
  if (resource.part === 'position') return actor.kind === 'user' && actor.roles.includes('delegate') && inFormat;
  if (resource.part === 'release') return machine || (actor.kind === 'user' && actor.roles.includes('secretariat'));
  if (resource.part === 'register') return false;
  return machine || (actor.kind === 'user' && actor.roles.some((r) => r === 'secretariat' || r === 'chair'));
}
