// Personal secret calendar feeds: a user creates a token, subscribes to /calendar/feeds/<token>.ics,
// and may revoke it. Only the SHA-256 of a token is stored; the token is shown once, at creation. The
// feed serves what its owner may see at the time of each request (their rights are looked up anew),
// so a change of role or a disabled account takes effect on the next refresh.
import { randomUUID } from 'node:crypto';
import { userActor, type Actor } from '../../kernel/access/can.ts';
import { findUser } from '../../accounts/users.repository.ts';
import { newToken, sha256Hex } from '../../accounts/tokens.ts';
import { auditedWrite, type WriteContext } from '../../kernel/audit/audited-write.ts';
import type { Executor } from '../../kernel/db/executor.ts';
import type { Database } from '../../kernel/db/connect.ts';
import { AppError, notFound } from '../../kernel/errors.ts';

/** The owner id under which an actor keeps feed tokens: a user's id, or 'admin-token'. */
export const ADMIN_OWNER = 'admin-token';
export function feedOwnerId(actor: Actor): string | null {
  if (actor.kind === 'user') return actor.id;
  if (actor.kind === 'admin-token') return ADMIN_OWNER;
  return null;
}

export interface FeedToken {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The actor a token's owner is today, or null (no such user, disabled, or no admin token configured). */
export async function feedOwnerActor(
  db: Executor,
  userId: string,
  adminTokenConfigured: boolean,
): Promise<Actor | null> {
  if (userId === ADMIN_OWNER) return adminTokenConfigured ? { kind: 'admin-token' } : null;
  const user = await findUser(db, userId);
  if (!user || user.disabled) return null;
  return userActor(user);
}

/** The owner id of a live (not revoked) token, or null. */
export async function ownerOfToken(db: Executor, token: string): Promise<string | null> {
  // Tokens are 43 characters; anything much longer is not one of ours and is not worth hashing.
  if (token.length > 128) return null;
  const row = await db
    .selectFrom('calendar_feed_tokens')
    .select('user_id')
    .where('token_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** An owner's tokens, newest first (revoked ones included, so the list explains itself). */
export async function listFeedTokens(db: Executor, ownerId: string): Promise<FeedToken[]> {
  const rows = await db
    .selectFrom('calendar_feed_tokens')
    .select(['id', 'label', 'created_at', 'revoked_at'])
    .where('user_id', '=', ownerId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** Creates a token for `ownerId`; the secret is returned here and never again. */
export async function createFeedToken(
  database: Database,
  ctx: WriteContext,
  ownerId: string,
  label: string,
): Promise<FeedToken & { token: string }> {
  return auditedWrite(database, ctx, async (tx, audit) => {
    const token = newToken();
    const row = {
      id: randomUUID(),
      token_hash: sha256Hex(token),
      user_id: ownerId,
      label,
      created_at: ctx.now.toISOString(),
      revoked_at: null,
    };
    await tx.insertInto('calendar_feed_tokens').values(row).execute();
    audit.record({
      action: 'calendar_feed.created',
      objectType: 'calendar_feed',
      objectId: row.id,
      summary: { owner: ownerId, label },
    });
    return { id: row.id, label, createdAt: row.created_at, revokedAt: null, token };
  });
}

/** Revokes one of the owner's tokens; another owner's token answers 404 like a missing one. Idempotent. */
export async function revokeFeedToken(
  database: Database,
  ctx: WriteContext,
  ownerId: string,
  id: string,
): Promise<void> {
  await auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      const row = await tx
        .selectFrom('calendar_feed_tokens')
        .select(['id', 'revoked_at'])
        .where('id', '=', id)
        .where('user_id', '=', ownerId)
        .executeTakeFirst();
      if (!row) throw notFound('calendar feed', id);
      if (row.revoked_at !== null) return;
      await tx
        .updateTable('calendar_feed_tokens')
        .set({ revoked_at: ctx.now.toISOString() })
        .where('id', '=', id)
        .execute();
      audit.record({
        action: 'calendar_feed.revoked',
        objectType: 'calendar_feed',
        objectId: id,
        summary: { owner: ownerId },
      });
    },
    { allowNoEvent: true },
  );
}

/** Throws 401 for an actor who cannot own feed tokens (the public). */
export function requireOwner(actor: Actor): string {
  const owner = feedOwnerId(actor);
  if (!owner) throw new AppError('AUTHENTICATION_REQUIRED');
  return owner;
}
