// Signing in and out. Failed attempts are throttled per address typed and client (login-policy.ts,
// login-throttle.ts): after a few failures that client waits a growing delay before its next attempt
// at that address, while the owner signing in from elsewhere is not held back. An unknown address and
// a wrong password get the same answer after the same work (one argon2 verification, one audit event),
// and are throttled alike, so neither the answers nor their timing tell which accounts exist. Every
// attempt is audited, throttled ones too; no event holds a password.
import { auditedWrite, type WriteContext } from '../kernel/audit/audited-write.ts';
import type { Database } from '../kernel/db/connect.ts';
import { AppError } from '../kernel/errors.ts';
import { sessionExpiry } from './login-policy.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { UserWithSecret } from './model.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { deleteExpiredSessions, deleteSession, insertSession } from './sessions.repository.ts';
import { newToken, sha256Hex } from './tokens.ts';
import * as users from './users.repository.ts';

export interface SessionPolicy {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
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

/** The coded error of a throttled attempt, with the seconds to wait for Retry-After. */
export function signInThrottled(waitMs: number): AppError & { retryAfterSeconds: number } {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const error = new AppError(
    'RATE_LIMITED',
    `Too many failed sign-ins to this email address from your device. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again; sign-in from other devices is not held back.`,
  );
  return Object.assign(error, { retryAfterSeconds: seconds });
}

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS');

/** Signs in: applies the throttle, verifies the password, and opens a new session. */
export async function signIn(
  database: Database,
  policy: SessionPolicy,
  throttle: LoginThrottle,
  attempt: Attempt,
): Promise<NewSession> {
  const user = await users.findUserByEmail(database.db, attempt.email);
  const ctx = (actor: string): WriteContext => ({ actor, requestId: attempt.requestId, now: attempt.now });
  const failed = async (reason: string) =>
    auditedWrite(database, ctx('public'), async (_tx, audit) => {
      // An unknown address is not written down: people type passwords into the email field.
      audit.record({
        action: 'session.sign_in_failed',
        objectType: 'account',
        objectId: user?.id ?? '-',
        summary: { reason, ip: attempt.ip },
      });
    });
  const wait = throttle.waitMs(attempt.email, attempt.ip, attempt.now);
  if (wait > 0) {
    await failed('throttled');
    throw signInThrottled(wait);
  }
  if (!user || !user.passwordHash || user.disabled) {
    await verifyAgainstDummy(attempt.password);
    await failed(!user ? 'unknown_email' : user.disabled ? 'disabled' : 'no_password_yet');
    throttle.fail(attempt.email, attempt.ip, attempt.now);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, attempt.password))) {
    await recordWrongPassword(database, ctx('public'), user, attempt.ip, 'sign-in');
    throttle.fail(attempt.email, attempt.ip, attempt.now);
    throw invalidCredentials();
  }
  throttle.succeed(attempt.email, attempt.ip);
  return openSession(database, ctx(`user:${user.id}`), user, policy, attempt);
}

/**
 * Counts and audits one wrong password for an account (at sign-in or when changing the password). The
 * count is for the audit trail only: it never locks the account (the throttle slows the client down).
 */
export async function recordWrongPassword(
  database: Database,
  ctx: WriteContext,
  user: UserWithSecret,
  ip: string,
  where: 'sign-in' | 'password-change',
): Promise<void> {
  await auditedWrite(database, ctx, async (tx, audit) => {
    // Re-read inside the transaction: the audit lock serialises writers, so concurrent wrong
    // passwords are all counted.
    const current = (await users.findUser(tx, user.id)) ?? user;
    const failedLogins = current.failedLogins + 1;
    await users.setLoginState(tx, user.id, failedLogins, null);
    audit.record({
      action: 'session.sign_in_failed',
      objectType: 'account',
      objectId: user.id,
      summary: { where, reason: 'wrong_password', failuresInARow: failedLogins, ip },
    });
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
