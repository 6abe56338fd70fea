// Pure rules of sign-in: the throttle of failed attempts, and session lifetimes. Time is passed in, so
// tests move the clock instead of sleeping.
//
// Failed sign-ins are throttled per account and client (OWASP ASVS 2.2.1), never per account alone: a
// stranger's wrong passwords must not stop the owner signing in from elsewhere (a delegation could
// otherwise lock the chair out before a silence deadline). The first few failures are free; after them
// each further attempt from that client to that account waits a delay that doubles, up to a cap.
import { FREE_FAILED_LOGINS } from './model.ts';

export interface ThrottleState {
  /** Failed attempts in a row from this client to this account. */
  failures: number;
  /** No attempt is taken before this instant (ms since the epoch); 0 when there is no wait. */
  waitUntil: number;
  /** When the last failure happened (ms), to forget quiet clients. */
  lastFailure: number;
}

/** After this long without a failure, a client's count starts again. */
export const THROTTLE_MEMORY_MS = 24 * 3_600_000;

/** The delay after the `failures`-th failure in a row: none for the free ones, then 1 s, 2 s, 4 s… up to `maxMs`. */
export function throttleDelayMs(failures: number, maxMs: number): number {
  if (failures < FREE_FAILED_LOGINS) return 0;
  return Math.min(maxMs, 1000 * 2 ** Math.min(30, failures - FREE_FAILED_LOGINS));
}

/** The state after one more failure at `now`. */
export function afterFailedLogin(state: ThrottleState | undefined, now: Date, maxMs: number): ThrottleState {
  const at = now.getTime();
  const failures = (current(state, now)?.failures ?? 0) + 1;
  const delay = throttleDelayMs(failures, maxMs);
  return { failures, waitUntil: delay > 0 ? at + delay : 0, lastFailure: at };
}

/** How many milliseconds the client must still wait before its next attempt (0: it may try now). */
export function throttleWaitMs(state: ThrottleState | undefined, now: Date): number {
  return Math.max(0, (current(state, now)?.waitUntil ?? 0) - now.getTime());
}

const current = (state: ThrottleState | undefined, now: Date) =>
  state && now.getTime() - state.lastFailure < THROTTLE_MEMORY_MS ? state : undefined;

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
