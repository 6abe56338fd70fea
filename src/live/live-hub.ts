// The open Server-Sent-Events streams of this app server, and who is behind each. Every event from
// the bus is written to exactly the streams whose actor `can` read the event's resource; nothing
// else decides. Kept here, per stream:
//   - the actor, resolved from the session when the stream opened, and re-read with the session;
//   - the session's expiry: an event is never written to a stream whose session has expired (the
//     stream is ended instead; the browser reconnects, and the reconnection is authenticated anew);
//   - every `revalidateMs` (15 s) one query re-reads all sessions behind open streams: a session that
//     was signed out, expired or whose account was disabled ends its stream, and a change of roles or
//     member applies to the next event. So a revoked session hears at most 15 s of events it could
//     still have read just before; an expired one hears none.
// Keep-alive comments every `keepAliveMs` (15 s) stop proxies from closing quiet streams. The last
// `replaySize` events are kept, so a browser that reconnects with Last-Event-ID gets what it missed
// (filtered by `can` again); if that id is no longer known it gets a `resync` event and reloads.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { can, userActor, type UserActor } from '../kernel/access/can.ts';
import type { Database } from '../kernel/db/connect.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { LiveBus } from './live-bus.ts';
import { clientView, type LiveEvent } from './live-event.ts';
import { liveSessions } from './live.repository.ts';

export interface LiveHubOptions {
  bus: LiveBus;
  database: Database;
  logger: Logger;
  now: () => Date;
  keepAliveMs?: number;
  revalidateMs?: number;
  /** Open streams one account may hold on this server (tabs, windows); more are refused with 429. */
  maxPerUser?: number;
  /** Open streams this server holds in all. */
  maxTotal?: number;
  /** Events kept for Last-Event-ID replay. */
  replaySize?: number;
  /** The reconnection delay the browser is told (`retry:`), ms. */
  retryMs?: number;
  /** A stream whose unsent output grows past this many bytes (a client that stopped reading) is ended. */
  maxBufferedBytes?: number;
}

interface Stream {
  id: number;
  actor: UserActor;
  sessionId: string;
  expiresAt: number;
  res: ServerResponse;
}

export interface LiveHubStats {
  streams: number;
  delivered: number;
  withheld: number;
}

export class LiveHub {
  readonly #streams = new Map<number, Stream>();
  readonly #perUser = new Map<string, number>();
  readonly #recent: LiveEvent[] = [];
  #nextId = 1;
  #unsubscribe: (() => void) | null = null;
  #timers: NodeJS.Timeout[] = [];
  #revalidating: Promise<void> | null = null;
  #stats = { delivered: 0, withheld: 0 };
  readonly #o: Required<LiveHubOptions>;

  constructor(options: LiveHubOptions) {
    this.#o = {
      keepAliveMs: 15_000,
      revalidateMs: 15_000,
      maxPerUser: 10,
      maxTotal: 20_000,
      replaySize: 256,
      retryMs: 3_000,
      maxBufferedBytes: 1 << 20,
      ...options,
    };
  }

  start(): void {
    if (this.#unsubscribe) return;
    this.#unsubscribe = this.#o.bus.subscribe({
      onEvent: (event) => this.#deliver(event),
      onGap: () => this.#broadcastResync(),
    });
    const keepAlive = setInterval(() => this.#writeAll(': keep-alive\n\n'), this.#o.keepAliveMs);
    const revalidate = setInterval(
      () =>
        void this.revalidate().catch((error: unknown) =>
          this.#o.logger.warn({ err: error }, 'live: session re-check failed'),
        ),
      this.#o.revalidateMs,
    );
    keepAlive.unref();
    revalidate.unref();
    this.#timers = [keepAlive, revalidate];
  }

  get stats(): LiveHubStats {
    return { streams: this.#streams.size, ...this.#stats };
  }

  /** Opens a stream for the request's signed-in actor (throws a catalogued error before anything is sent otherwise). */
  open(request: FastifyRequest, reply: FastifyReply): void {
    const actor = request.actor;
    const session = request.session;
    if (actor.kind === 'public')
      throw new AppError(
        'AUTHENTICATION_REQUIRED',
        'Live updates are for signed-in accounts. Sign in at /sign-in (API: POST /api/v1/session) and open /api/v1/live with the session cookie.',
      );
    if (actor.kind !== 'user' || !session)
      throw new AppError(
        'FORBIDDEN',
        'Live updates are for signed-in accounts, not for the bearer token. Sign in with an account and open /api/v1/live with its session cookie.',
      );
    const open = this.#perUser.get(actor.id) ?? 0;
    if (open >= this.#o.maxPerUser) {
      throw new AppError(
        'LIVE_TOO_MANY_STREAMS',
        `Your account already has ${open} live-update streams open on this server, the most allowed. Close other Concord tabs or windows and reload.`,
      );
    }
    if (this.#streams.size >= this.#o.maxTotal)
      throw new AppError(
        'LIVE_TOO_MANY_STREAMS',
        'This server holds as many live-update streams as it can. Reload in a minute; the page works without live updates meanwhile.',
      );

    reply.hijack();
    const res = reply.raw;
    request.raw.socket.setNoDelay(true);
    request.raw.socket.setKeepAlive(true);
    const headers: Record<string, string | number | string[]> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Reverse proxies (nginx) must pass each event on at once rather than buffer the stream.
      'x-accel-buffering': 'no',
    });
    const stream: Stream = {
      id: this.#nextId++,
      actor,
      sessionId: session.id,
      expiresAt: Date.parse(session.expiresAt),
      res,
    };
    this.#streams.set(stream.id, stream);
    this.#perUser.set(actor.id, open + 1);
    res.on('close', () => this.#remove(stream));
    res.write(`retry: ${this.#o.retryMs}\n: connected\n\n`);
    this.#replay(stream, request.headers['last-event-id']);
  }

  /** Re-reads every open stream's session at once: ends those no longer live, refreshes the others' rights and expiry. */
  revalidate(): Promise<void> {
    this.#revalidating ??= this.#revalidate().finally(() => (this.#revalidating = null));
    return this.#revalidating;
  }

  async #revalidate(): Promise<void> {
    if (this.#streams.size === 0) return;
    const streams = [...this.#streams.values()];
    const live = await liveSessions(
      this.#o.database.db,
      [...new Set(streams.map((s) => s.sessionId))],
      this.#o.now().toISOString(),
    );
    for (const stream of streams) {
      const state = live.get(stream.sessionId);
      if (!state) {
        this.#end(stream, 'session_ended');
        continue;
      }
      stream.expiresAt = Date.parse(state.expiresAt);
      const u = state.user;
      stream.actor = userActor(u);
    }
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    for (const stream of [...this.#streams.values()]) this.#end(stream, 'server_stopping');
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    this.closeAll();
  }

  #deliver(event: LiveEvent): void {
    this.#recent.push(event);
    if (this.#recent.length > this.#o.replaySize) this.#recent.shift();
    const frame = this.#frame(event);
    const now = this.#o.now().getTime();
    for (const stream of this.#streams.values()) {
      if (now >= stream.expiresAt) {
        this.#end(stream, 'session_ended');
        continue;
      }
      if (can(stream.actor, 'read', event.resource)) {
        this.#write(stream, frame);
        this.#stats.delivered += 1;
      } else {
        this.#stats.withheld += 1;
      }
    }
  }

  #replay(stream: Stream, lastEventId: string | string[] | undefined): void {
    if (typeof lastEventId !== 'string' || lastEventId === '') return;
    const index = this.#recent.findIndex((e) => e.id === lastEventId);
    if (index < 0) {
      this.#write(stream, 'event: resync\ndata: {}\n\n');
      return;
    }
    for (const event of this.#recent.slice(index + 1))
      if (can(stream.actor, 'read', event.resource)) this.#write(stream, this.#frame(event));
  }

  #frame(event: LiveEvent): string {
    return `id: ${event.id}\ndata: ${JSON.stringify(clientView(event))}\n\n`;
  }

  #broadcastResync(): void {
    this.#writeAll('event: resync\ndata: {}\n\n');
  }

  #writeAll(text: string): void {
    for (const stream of this.#streams.values()) this.#write(stream, text);
  }

  #write(stream: Stream, text: string): void {
    if (stream.res.writableLength > this.#o.maxBufferedBytes) {
      this.#o.logger.warn({ user: stream.actor.id }, 'live: ending a stream whose client stopped reading');
      this.#end(stream, null);
      return;
    }
    stream.res.write(text);
  }

  #end(stream: Stream, reason: string | null): void {
    if (!this.#streams.has(stream.id)) return;
    this.#remove(stream);
    if (reason && !stream.res.writableEnded) stream.res.write(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
    stream.res.end();
  }

  #remove(stream: Stream): void {
    if (!this.#streams.delete(stream.id)) return;
    const left = (this.#perUser.get(stream.actor.id) ?? 1) - 1;
    if (left <= 0) this.#perUser.delete(stream.actor.id);
    else this.#perUser.set(stream.actor.id, left);
  }
}
