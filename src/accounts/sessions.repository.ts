// All SQL of sessions. A session row is keyed by the SHA-256 of the cookie's token.
import type { Role } from '../kernel/access/can.ts';
import type { Executor } from '../kernel/db/executor.ts';
import { toIdentity } from './users.repository.ts';

/** A session that is still valid, with what the actor needs of its account. */
export interface SessionWithUser {
  id: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  user: {
    id: string;
    email: string;
    name: string;
    roles: Role[];
    memberCode: string | null;
    headOfDelegation: boolean;
    clearance: string;
  };
}

/** Stores a new session. */
export async function insertSession(
  db: Executor,
  row: { id: string; userId: string; csrfToken: string; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: row.id,
      user_id: row.userId,
      csrf_token: row.csrfToken,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** The session with this id if it has not expired at `now` and its account is enabled. */
export async function findLiveSession(db: Executor, id: string, now: string): Promise<SessionWithUser | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.roles',
      'users.member_code',
      'users.head_of_delegation',
      'users.clearance',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    user: toIdentity({ ...row, id: row.user_id }),
  };
}

/** Moves the idle deadline of a session forward. */
export async function touchSession(db: Executor, id: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

/** Deletes one session; answers whether it existed. */
export async function deleteSession(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Deletes the sessions of an account, except one (the caller's own); returns how many were live. */
export async function deleteUserSessions(
  db: Executor,
  userId: string,
  now: string,
  exceptId: string | null = null,
): Promise<number> {
  const live = await db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .execute();
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
  return live.filter((s) => s.id !== exceptId).length;
}

/** Deletes an account's expired sessions (housekeeping at sign-in; an expired row is inert anyway). */
export async function deleteExpiredSessions(db: Executor, userId: string, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
}

/**
 * Deletes every expired session, in batches so a long-idle installation never holds the write lock for
 * long; returns how many rows went. Housekeeping, not a change of the council's records: an expired row
 * already grants nothing (findLiveSession ignores it), so this is logged, not written to the audit trail.
 */
export async function sweepExpiredSessions(db: Executor, now: string, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await db
      .selectFrom('sessions')
      .select('id')
      .where('expires_at', '<=', now)
      .limit(batchSize)
      .execute();
    if (batch.length === 0) return total;
    await db
      .deleteFrom('sessions')
      .where(
        'id',
        'in',
        batch.map((row) => row.id),
      )
      .where('expires_at', '<=', now)
      .execute();
    total += batch.length;
    if (batch.length < batchSize) return total;
  }
}
