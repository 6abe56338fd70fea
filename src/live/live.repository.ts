// The SQL of live connections: re-reading the sessions behind open streams, many at a time.
import type { Role } from '../kernel/access/can.ts';
import type { Executor } from '../kernel/db/executor.ts';

export interface LiveSessionState {
  sessionId: string;
  expiresAt: string;
  user: { id: string; roles: Role[]; memberCode: string | null; headOfDelegation: boolean; clearance: string };
}

const CHUNK = 500;

/** The sessions among `ids` that are still live at `now` (not expired, not signed out, account enabled), with their account's current rights. */
export async function liveSessions(
  db: Executor,
  ids: readonly string[],
  now: string,
): Promise<Map<string, LiveSessionState>> {
  const found = new Map<string, LiveSessionState>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id',
        'sessions.expires_at',
        'users.id as user_id',
        'users.roles',
        'users.member_code',
        'users.head_of_delegation',
        'users.clearance',
      ])
      .where('sessions.id', 'in', ids.slice(i, i + CHUNK))
      .where('sessions.expires_at', '>', now)
      .where('users.disabled', '=', 0)
      .execute();
    for (const row of rows) {
      found.set(row.id, {
        sessionId: row.id,
        expiresAt: row.expires_at,
        user: {
          id: row.user_id,
          roles: JSON.parse(row.roles) as Role[],
          memberCode: row.member_code,
          headOfDelegation: row.head_of_delegation === 1,
          clearance: row.clearance,
        },
      });
    }
  }
  return found;
}
