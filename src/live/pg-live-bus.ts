// Live events across app servers through PostgreSQL LISTEN/NOTIFY. Every server keeps one dedicated
// connection (outside the pool: a pooled connection is handed to other queries) that LISTENs on the
// installation's channel; publishing is `pg_notify` through the pool. A server hears its own events
// through the same channel, so every server delivers in the same way and order.
//
// The channel is per installation: several Concord installations may share one PostgreSQL server in
// different schemas, and must not hear each other. If the LISTEN connection drops, it reconnects with
// growing pauses (0.25 s → 5 s) and tells listeners `onGap` once back, since NOTIFYs sent meanwhile
// are lost to this server.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { Logger } from '../kernel/logger.ts';
import type { DB } from '../kernel/db/schema.ts';
import { dispatch, type LiveBus, type LiveListener } from './live-bus.ts';
import { MAX_EVENT_BYTES, parseLiveEvent, type LiveEvent } from './live-event.ts';

/** The NOTIFY channel of the installation in `schema` (an identifier of at most 63 bytes). */
export function liveChannel(schema: string): string {
  const name = `concord_live_${schema}`;
  return name.length <= 63 ? name : `concord_live_${createHash('sha256').update(schema).digest('hex').slice(0, 32)}`;
}

export interface PgLiveBusOptions {
  url: string;
  schema: string;
  /** The pool's Kysely instance, used to publish. */
  db: Kysely<DB>;
  logger: Logger;
  /** Reconnection pauses (ms): the first, doubled up to the last. */
  reconnectMs?: { min: number; max: number };
}

export class PgLiveBus implements LiveBus {
  readonly transport = 'postgres' as const;
  readonly channel: string;
  readonly #listeners = new Set<LiveListener>();
  #client: pg.Client | null = null;
  #starting: Promise<void> | null = null;
  #closed = false;
  #retryMs: number;
  #retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: PgLiveBusOptions) {
    this.channel = liveChannel(options.schema);
    this.#retryMs = options.reconnectMs?.min ?? 250;
  }

  async publish(event: LiveEvent): Promise<void> {
    const payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) > MAX_EVENT_BYTES) {
      this.options.logger.error(
        { type: event.type, itemId: event.itemId },
        'live event too large for NOTIFY; not sent',
      );
      return;
    }
    try {
      await sql`select pg_notify(${this.channel}, ${payload})`.execute(this.options.db);
    } catch (error) {
      // The change is committed; only its announcement is lost. Readers see it at their next load.
      this.options.logger.warn(
        { err: error, type: event.type, itemId: event.itemId },
        'live event could not be published',
      );
    }
  }

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Connects the LISTEN client; rejects if the first connection fails (the server then does not start). */
  start(): Promise<void> {
    this.#starting ??= this.#connect();
    return this.#starting;
  }

  /** Whether the LISTEN connection is up (for health reporting and tests). */
  get listening(): boolean {
    return this.#client !== null;
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      options: `-c search_path=${this.options.schema}`,
      connectionTimeoutMillis: 5000,
    });
    client.on('notification', (message) => {
      if (message.channel !== this.channel || message.payload === undefined) return;
      const event = parseLiveEvent(message.payload);
      if (!event) {
        this.options.logger.warn({ channel: message.channel }, 'ignored a NOTIFY payload that is not a live event');
        return;
      }
      dispatch(this.#listeners, event, (error) => this.options.logger.error({ err: error }, 'live listener failed'));
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
  }

  #lost(client: pg.Client, error: Error | null): void {
    if (this.#client !== client || this.#closed) return;
    this.#client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    this.options.logger.warn(
      { err: error ?? undefined, channel: this.channel },
      'live LISTEN connection lost; reconnecting',
    );
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retryTimer) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, this.options.reconnectMs?.max ?? 5000);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#connect().then(
        () => {
          if (this.#closed) return;
          this.#retryMs = this.options.reconnectMs?.min ?? 250;
          this.options.logger.info({ channel: this.channel }, 'live LISTEN connection restored');
          // NOTIFYs sent while we were away are gone: tell readers to reload what they show.
          for (const listener of this.#listeners) listener.onGap?.();
        },
        (reconnectError: unknown) => {
          this.options.logger.warn({ err: reconnectError }, 'live LISTEN reconnection failed; retrying');
          this.#scheduleReconnect();
        },
      );
    }, delay);
    this.#retryTimer.unref();
  }

  /** Test hook: drops the LISTEN connection as a network failure would. */
  simulateConnectionLoss(): void {
    const client = this.#client;
    if (client) this.#lost(client, new Error('simulated connection loss'));
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#listeners.clear();
    const client = this.#client;
    this.#client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}
