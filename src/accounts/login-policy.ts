// Pure rules of sign-in: lockout after repeated wrong passwords, and session lifetimes. Time is passed
// in, so tests move the clock instead of sleeping.
import { MAX_FAILED_LOGINS } from './model.ts';

export interface LoginState {
  failedLogins: number;
  lockedUntil: string | null;
}

/** The end of the account's lockout if it is locked at `now`; otherwise null. */
export function lockEnd(state: LoginState, now: Date): Date | null {
  if (!state.lockedUntil) return null;
  const end = new Date(state.lockedUntil);
  return end.getTime() > now.getTime() ? end : null;
}

/**
 * The state after one more wrong password. The last allowed failure locks the account and restarts the
 * count, so that when the lockout ends the owner again has the full number of attempts.
 */
export function afterWrongPassword(
  state: LoginState,
  now: Date,
  lockoutMinutes: number,
): LoginState & { lockedNow: boolean } {
  const failed = state.failedLogins + 1;
  if (failed >= MAX_FAILED_LOGINS) {
    return {
      failedLogins: 0,
      lockedUntil: new Date(now.getTime() + lockoutMinutes * 60_000).toISOString(),
      lockedNow: true,
    };
  }
  return { failedLogins: failed, lockedUntil: state.lockedUntil, lockedNow: false };
}

/** When a session expires: after `idleMinutes` without a request, and at most `maxHours` after sign-in. */
export function sessionExpiry(createdAt: Date, lastSeen: Date, idleMinutes: number, maxHours: number): Date {
  const idle = lastSeen.getTime() + idleMinutes * 60_000;
  const absolute = createdAt.getTime() + maxHours * 3_600_000;
  return new Date(Math.min(idle, absolute));
}

/** "08:15 UTC on 25 September 2002": how a lockout's end is told to people. */
export function describeInstant(instant: Date): string {
  const time = instant.toISOString().slice(11, 16);
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(instant);
  return `${time} UTC on ${day}`;
}
