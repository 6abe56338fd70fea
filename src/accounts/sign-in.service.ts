// Signing in and out. Wrong passwords are counted per account; the tenth in a row locks sign-in for
// LOGIN_LOCKOUT_MINUTES, even with the right password. An unknown address and a wrong password get the
// same answer after the same work (one argon2 verification, one audit event), so neither the message
// nor its timing tells which accounts exist. Every attempt is audited; no event holds a password.
import { auditedWrite, type WriteContext } from '../kernel/audit/audited-write.ts';
import type { Database } from '../kernel/db/connect.ts';
import { AppError } from '../kernel/errors.ts';
import { afterWrongPassword, describeInstant, lockEnd, sessionExpiry } from './login-policy.ts';
import type { UserWithSecret } from './model.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { deleteExpiredSessions, deleteSession, insertSession } from './sessions.repository.ts';
import { newToken, sha256Hex } from './tokens.ts';
import * as users from './users.repository.ts';

export interface SessionPolicy {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginLockoutMinutes: number;
}

export interface Attempt {
  email: string;
  password: string;
  ip: string;
  requestId: string | null;
  now: Date;
  /** The session the browser had before, if any: it is replaced (the token rotates at sign-in). */
  previousSessionId: string | null;
}

export interface NewSession {
  userId: string;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** The coded error of a locked account, saying until when (UTC), with the seconds for Retry-After. */
export function accountLocked(until: Date, now: Date): AppError & { retryAfterSeconds: number } {
  const error = new AppError(
    'ACCOUNT_LOCKED',
    `Too many wrong passwords: sign-in to this account is locked until ${describeInstant(until)}. Try again then (the right password will work), or ask an administrator.`,
  );
  return Object.assign(error, { retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) });
}

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS');

/** Signs in: verifies the password, applies the lockout rule, and opens a new session. */
export async function signIn(database: Database, policy: SessionPolicy, attempt: Attempt): Promise<NewSession> {
  const user = await users.findUserByEmail(database.db, attempt.email);
  const ctx = (actor: string): WriteContext => ({ actor, requestId: attempt.requestId, now: attempt.now });
  if (!user || !user.passwordHash || user.disabled) {
    await verifyAgainstDummy(attempt.password);
    const reason = !user ? 'unknown_email' : user.disabled ? 'disabled' : 'no_password_yet';
    // An unknown address is not written down: people type passwords into the email field.
    await auditedWrite(database, ctx('public'), async (_tx, audit) => {
      audit.record({
        action: 'session.sign_in_failed',
        objectType: 'account',
        objectId: user?.id ?? '-',
        summary: { reason, ip: attempt.ip },
      });
    });
    throw invalidCredentials();
  }
  const lockedUntil = lockEnd(user, attempt.now);
  if (lockedUntil) {
    await auditedWrite(database, ctx('public'), async (_tx, audit) => {
      audit.record({
        action: 'session.sign_in_failed',
        objectType: 'account',
        objectId: user.id,
        summary: { reason: 'locked', lockedUntil: lockedUntil.toISOString(), ip: attempt.ip },
      });
    });
    throw accountLocked(lockedUntil, attempt.now);
  }
  if (!(await verifyPassword(user.passwordHash, attempt.password))) {
    const locked = await recordWrongPassword(database, ctx('public'), user, policy, attempt.ip, 'sign-in');
    if (locked) throw accountLocked(locked, attempt.now);
    throw invalidCredentials();
  }
  return openSession(database, ctx(`user:${user.id}`), user, policy, attempt);
}

/**
 * Counts one wrong password for an account (at sign-in or when changing the password) and locks it at
 * the limit. Returns the end of the lockout when this failure started one.
 */
export async function recordWrongPassword(
  database: Database,
  ctx: WriteContext,
  user: UserWithSecret,
  policy: SessionPolicy,
  ip: string,
  where: 'sign-in' | 'password-change',
): Promise<Date | null> {
  return auditedWrite(database, ctx, async (tx, audit) => {
    // Re-read inside the transaction: the audit lock serialises writers, so concurrent wrong
    // passwords are all counted.
    const current = (await users.findUser(tx, user.id)) ?? user;
    const next = afterWrongPassword(current, ctx.now, policy.loginLockoutMinutes);
    await users.setLoginState(tx, user.id, next.failedLogins, next.lockedUntil);
    if (next.lockedNow) {
      audit.record({
        action: 'session.locked_out',
        objectType: 'account',
        objectId: user.id,
        summary: { where, lockedUntil: next.lockedUntil, ip },
      });
      return new Date(next.lockedUntil!);
    }
    audit.record({
      action: 'session.sign_in_failed',
      objectType: 'account',
      objectId: user.id,
      summary: { where, reason: 'wrong_password', failuresInARow: next.failedLogins, ip },
    });
    return null;
  });
}

async function openSession(
  database: Database,
  ctx: WriteContext,
  user: UserWithSecret,
  policy: SessionPolicy,
  attempt: Attempt,
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const id = sha256Hex(token);
  const now = attempt.now.toISOString();
  const expiresAt = sessionExpiry(
    attempt.now,
    attempt.now,
    policy.sessionIdleMinutes,
    policy.sessionMaxHours,
  ).toISOString();
  await auditedWrite(database, ctx, async (tx, audit) => {
    if (user.failedLogins !== 0 || user.lockedUntil !== null) await users.setLoginState(tx, user.id, 0, null);
    if (attempt.previousSessionId) await deleteSession(tx, attempt.previousSessionId);
    await deleteExpiredSessions(tx, user.id, now);
    await insertSession(tx, { id, userId: user.id, csrfToken, now, expiresAt });
    // A short prefix of the session's hash lets an auditor pair sign-in and sign-out; it cannot be used.
    audit.record({
      action: 'session.signed_in',
      objectType: 'account',
      objectId: user.id,
      summary: { session: id.slice(0, 12), ip: attempt.ip, expiresAt },
    });
  });
  return { userId: user.id, token, csrfToken, expiresAt };
}

/** Signs out: deletes the session row. Answers false when there was nothing to end. */
export async function signOut(
  database: Database,
  ctx: WriteContext,
  session: { id: string; userId: string },
): Promise<boolean> {
  return auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      if (!(await deleteSession(tx, session.id))) return false;
      audit.record({
        action: 'session.signed_out',
        objectType: 'account',
        objectId: session.userId,
        summary: { session: session.id.slice(0, 12) },
      });
      return true;
    },
    { allowNoEvent: true },
  );
}
