// The live-event bus: one interface, two transports. On SQLite (one server) events travel inside the
// process; on PostgreSQL (several app servers on one database) through LISTEN/NOTIFY, so a change
// committed on server A reaches the readers connected to server B. Publishing happens after the
// writing transaction commits: an event never announces a change that was rolled back.
import type { LiveEvent } from './live-event.ts';

export interface LiveListener {
  /** An event arrived (published here or, on PostgreSQL, by any server of the installation). */
  onEvent(event: LiveEvent): void;
  /** Events may have been missed (the LISTEN connection was lost and is back): readers should reload. */
  onGap?(): void;
}

export interface LiveBus {
  readonly transport: 'in-process' | 'postgres';
  /** Sends an event to every subscriber of the installation. Call after commit. Never throws for delivery problems: it logs them. */
  publish(event: LiveEvent): Promise<void>;
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: LiveListener): () => void;
  /** Starts listening (PostgreSQL: connects the LISTEN client). Idempotent. */
  start(): Promise<void>;
  /** Stops listening and drops the listeners. */
  close(): Promise<void>;
}

/** Calls every listener, isolating them from each other's failures. */
export function dispatch(listeners: Iterable<LiveListener>, event: LiveEvent, onError: (error: unknown) => void): void {
  for (const listener of listeners) {
    try {
      listener.onEvent(event);
    } catch (error) {
      onError(error);
    }
  }
}

/** Events stay inside this process: the transport of an installation on SQLite (one server). */
export class InProcessLiveBus implements LiveBus {
  readonly transport = 'in-process' as const;
  readonly #listeners = new Set<LiveListener>();
  constructor(private readonly onError: (error: unknown) => void = () => undefined) {}

  async publish(event: LiveEvent): Promise<void> {
    // Delivered on the next turn of the event loop, as NOTIFY would be: the publisher's own work
    // (answering the HTTP request) is never held up by the readers.
    setImmediate(() => dispatch(this.#listeners, event, this.onError));
  }

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
