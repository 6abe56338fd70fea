// Where the throttle of failed sign-ins keeps its counts: in the memory of this server process, keyed by
// the address as typed (so unknown and known accounts are throttled alike, and nothing tells them apart)
// and the client's address. The rules are in login-policy.ts. Behind a load balancer each process keeps
// its own counts, so a client's budget is multiplied by the number of processes at most; a restart
// forgets them. The map is bounded: the oldest entries go first.
import { afterFailedLogin, throttleWaitMs, type ThrottleState } from './login-policy.ts';

const MAX_ENTRIES = 100_000;

export class LoginThrottle {
  private readonly states = new Map<string, ThrottleState>();

  constructor(private readonly maxDelayMs: number) {}

  private key(email: string, client: string): string {
    return `${email.trim().toLowerCase()}\n${client}`;
  }

  /** Milliseconds this client must wait before trying this address again (0: it may try now). */
  waitMs(email: string, client: string, now: Date): number {
    return throttleWaitMs(this.states.get(this.key(email, client)), now);
  }

  /** Counts one failed attempt; returns the wait it starts, in milliseconds. */
  fail(email: string, client: string, now: Date): number {
    const key = this.key(email, client);
    const next = afterFailedLogin(this.states.get(key), now, this.maxDelayMs);
    this.states.delete(key); // re-insert: the Map's order is the recency order
    this.states.set(key, next);
    if (this.states.size > MAX_ENTRIES) this.states.delete(this.states.keys().next().value!);
    return throttleWaitMs(next, now);
  }

  /** Forgets the failures of this client on this address (after a successful sign-in). */
  succeed(email: string, client: string): void {
    this.states.delete(this.key(email, client));
  }
}
