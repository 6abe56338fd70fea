// Writes to accounts: create (with a one-time set-password link), change, issue a new link, set the
// password through a link, change one's own password. Each goes through auditedWrite, so the change
// and its audit event commit together; no audit summary ever holds a password or a token.
import { randomUUID } from 'node:crypto';
import { auditedWrite, type Tx, type WriteContext } from '../kernel/audit/audited-write.ts';
import { diffFields } from '../kernel/diff.ts';
import { unknownMemberCodes } from '../council/repositories/members.repository.ts';
import type { Database } from '../kernel/db/connect.ts';
import { AppError, notFound, type ErrorDetail } from '../kernel/errors.ts';
import { SETUP_LINK_HOURS, type AccountFields, type User } from './model.ts';
import { hashPassword } from './passwords.ts';
import { deleteUserSessions } from './sessions.repository.ts';
import { newToken, sha256Hex } from './tokens.ts';
import * as users from './users.repository.ts';

export interface SetupLink {
  url: string;
  expiresAt: string;
}

/** The inconsistencies between roles, member and head-of-delegation flag, one detail per field. */
export function accountProblems(
  fields: Pick<AccountFields, 'roles' | 'memberCode' | 'headOfDelegation'>,
): ErrorDetail[] {
  const delegate = fields.roles.includes('delegate');
  const problems: ErrorDetail[] = [];
  // A delegate reads only what their member may see; staff roles see everything, so mixing them would
  // silently lift the need-to-know rule.
  if (delegate && fields.roles.length > 1)
    problems.push({
      path: 'roles',
      message: 'cannot combine delegate with another role: a delegate sees only what their member may see',
    });
  if (delegate && !fields.memberCode)
    problems.push({ path: 'member', message: 'is required for a delegate: the member the delegate acts for' });
  if (!delegate && fields.memberCode)
    problems.push({ path: 'member', message: 'is only for delegates; remove it or give the delegate role' });
  if (!delegate && fields.headOfDelegation)
    problems.push({ path: 'headOfDelegation', message: 'is only for delegates' });
  return problems;
}

/**
 * What an administrator may not do to their own account: disable it, or give up the admin role. Either
 * could leave the council without an administrator; another administrator does it instead (and should
 * none be left, `concord accounts create` on the server makes one).
 */
export function ownAccountProblems(
  actor: string,
  id: string,
  before: AccountFields,
  after: AccountFields,
): ErrorDetail[] {
  if (actor !== `user:${id}`) return [];
  const problems: ErrorDetail[] = [];
  if (after.disabled && !before.disabled)
    problems.push({
      path: 'disabled',
      message: 'cannot be set on your own account: another administrator must disable it',
    });
  if (before.roles.includes('admin') && !after.roles.includes('admin'))
    problems.push({
      path: 'roles',
      message: 'must keep admin on your own account: another administrator must remove it',
    });
  return problems;
}

const refuse = (problems: ErrorDetail[]) => {
  throw new AppError(
    'VALIDATION_FAILED',
    `The request is not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`,
    problems,
  );
};

async function refuseInvalid(tx: Tx, fields: AccountFields, exceptId: string | null): Promise<void> {
  const problems = accountProblems(fields);
  if (problems.length > 0) refuse(problems);
  if (fields.memberCode && (await unknownMemberCodes(tx, [fields.memberCode])).length > 0) {
    throw new AppError(
      'UNKNOWN_REFERENCE',
      `The request refers to items that do not exist (member: no member "${fields.memberCode}"). Create it first or correct the code.`,
      [{ path: 'member', message: `no member "${fields.memberCode}"` }],
    );
  }
  if (await users.emailTaken(tx, fields.email, exceptId)) {
    throw new AppError('ALREADY_EXISTS', `Another account already uses the email address ${fields.email}.`, [
      { path: 'email', message: 'is already used by another account' },
    ]);
  }
}

const fieldsOf = (u: User): AccountFields => ({
  email: u.email,
  name: u.name,
  roles: u.roles,
  memberCode: u.memberCode,
  headOfDelegation: u.headOfDelegation,
  clearance: u.clearance,
  disabled: u.disabled,
});

async function issueLink(tx: Tx, userId: string, ctx: WriteContext, publicUrl: string): Promise<SetupLink> {
  const token = newToken();
  const expiresAt = new Date(ctx.now.getTime() + SETUP_LINK_HOURS * 3_600_000).toISOString();
  await users.retireSetupTokens(tx, userId, ctx.now.toISOString());
  await users.insertSetupToken(tx, sha256Hex(token), userId, ctx.now.toISOString(), expiresAt);
  return { url: `${publicUrl}/set-password?token=${encodeURIComponent(token)}`, expiresAt };
}

/** Creates an account without a password and returns it with its one-time set-password link. */
export async function createAccount(
  database: Database,
  ctx: WriteContext,
  fields: AccountFields,
  publicUrl: string,
): Promise<{ user: User; link: SetupLink }> {
  const id = randomUUID();
  const link = await auditedWrite(database, ctx, async (tx, audit) => {
    await refuseInvalid(tx, fields, null);
    await users.insertUser(tx, id, fields, { passwordHash: null, demo: false }, ctx.now.toISOString());
    const issued = await issueLink(tx, id, ctx, publicUrl);
    audit.record({
      action: 'account.created',
      objectType: 'account',
      objectId: id,
      summary: { created: fields, setupLinkExpiresAt: issued.expiresAt },
    });
    return issued;
  });
  return { user: (await users.findUser(database.db, id))!, link };
}

/** Changes an account; disabling it ends its sessions. A change that changes nothing writes nothing. */
export async function updateAccount(
  database: Database,
  ctx: WriteContext,
  id: string,
  patch: Partial<AccountFields>,
): Promise<User> {
  await auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      const current = await users.findUser(tx, id);
      if (!current) throw notFound('account', id);
      const before = fieldsOf(current);
      const after: AccountFields = {
        ...before,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      };
      const changes = diffFields(before, after);
      if (Object.keys(changes).length === 0) return;
      const own = ownAccountProblems(ctx.actor, id, before, after);
      if (own.length > 0) refuse(own);
      await refuseInvalid(tx, after, id);
      await users.updateUserFields(tx, id, after, ctx.now.toISOString());
      const sessionsEnded =
        after.disabled && !before.disabled ? await deleteUserSessions(tx, id, ctx.now.toISOString()) : 0;
      audit.record({
        action: 'account.updated',
        objectType: 'account',
        objectId: id,
        summary: { changes, ...(sessionsEnded ? { sessionsEnded } : {}) },
      });
    },
    { allowNoEvent: true },
  );
  return (await users.findUser(database.db, id))!;
}

/** Issues a new one-time set-password link for an account (the previous unused links stop working). */
export async function issueSetupLink(
  database: Database,
  ctx: WriteContext,
  id: string,
  publicUrl: string,
): Promise<SetupLink> {
  return auditedWrite(database, ctx, async (tx, audit) => {
    const current = await users.findUser(tx, id);
    if (!current) throw notFound('account', id);
    const link = await issueLink(tx, id, ctx, publicUrl);
    audit.record({
      action: 'account.setup_link_issued',
      objectType: 'account',
      objectId: id,
      summary: { setupLinkExpiresAt: link.expiresAt },
    });
    return link;
  });
}

const invalidLink = () =>
  new AppError('SETUP_LINK_INVALID', undefined, [{ path: 'token', message: 'is used, expired or replaced' }]);

/** The account a set-password link is for, if the link can still be used at `now`; null otherwise. */
export async function accountForSetupToken(database: Database, token: string, now: Date): Promise<User | null> {
  const found = await users.findUsableSetupToken(database.db, sha256Hex(token), now.toISOString());
  const user = found ? await users.findUser(database.db, found.userId) : null;
  return user && !user.disabled ? user : null;
}

/** Sets a password through a one-time link: once only, before expiry; ends the account's sessions. */
export async function setPasswordWithToken(
  database: Database,
  base: Omit<WriteContext, 'actor'>,
  token: string,
  password: string,
): Promise<User> {
  const user = await accountForSetupToken(database, token, base.now);
  if (!user) throw invalidLink();
  // Hash before the transaction: argon2 takes tens of milliseconds and the audit lock serialises writers.
  const passwordHash = await hashPassword(password);
  await auditedWrite(database, { ...base, actor: `user:${user.id}` }, async (tx, audit) => {
    if (!(await users.useSetupToken(tx, sha256Hex(token), base.now.toISOString()))) throw invalidLink();
    await users.setPasswordHash(tx, user.id, passwordHash, base.now.toISOString());
    const sessionsEnded = await deleteUserSessions(tx, user.id, base.now.toISOString());
    audit.record({
      action: 'password.set',
      objectType: 'account',
      objectId: user.id,
      summary: { via: 'setup-link', ...(sessionsEnded ? { sessionsEnded } : {}) },
    });
  });
  return user;
}

/** Stores a new password chosen by its owner and ends their other sessions (the current one stays). */
export async function storeChangedPassword(
  database: Database,
  ctx: WriteContext,
  userId: string,
  keepSessionId: string,
  password: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await auditedWrite(database, ctx, async (tx, audit) => {
    await users.setPasswordHash(tx, userId, passwordHash, ctx.now.toISOString());
    const sessionsEnded = await deleteUserSessions(tx, userId, ctx.now.toISOString(), keepSessionId);
    audit.record({ action: 'password.changed', objectType: 'account', objectId: userId, summary: { sessionsEnded } });
  });
}

/**
 * Makes sure an account of the demo data set exists with these fields and a password (demo loader).
 * An account that is already as described is left alone: no write, no audit event, no re-hash.
 */
export async function ensureDemoAccount(
  database: Database,
  ctx: WriteContext,
  fields: AccountFields,
  password: string,
): Promise<{ changed: boolean; existed: boolean }> {
  const current = await users.findUserByEmail(database.db, fields.email);
  const changes = current ? diffFields(fieldsOf(current), fields) : {};
  if (current && current.passwordSet && Object.keys(changes).length === 0) return { changed: false, existed: true };
  const passwordHash = current?.passwordSet ? null : await hashPassword(password);
  await auditedWrite(database, ctx, async (tx, audit) => {
    if (!current) {
      const id = randomUUID();
      await refuseInvalid(tx, fields, null);
      await users.insertUser(tx, id, fields, { passwordHash, demo: true }, ctx.now.toISOString());
      audit.record({
        action: 'account.created',
        objectType: 'account',
        objectId: id,
        summary: { created: fields, demo: true, passwordSet: true },
      });
      return;
    }
    await refuseInvalid(tx, fields, current.id);
    await users.updateUserFields(tx, current.id, fields, ctx.now.toISOString());
    if (passwordHash) await users.setPasswordHash(tx, current.id, passwordHash, ctx.now.toISOString());
    audit.record({
      action: 'account.updated',
      objectType: 'account',
      objectId: current.id,
      summary: { changes, ...(passwordHash ? { passwordSet: true } : {}) },
    });
  });
  return { changed: true, existed: current !== null };
}
