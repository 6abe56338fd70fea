// A live event: something changed about an item that signed-in readers may be looking at (a position,
// a silence procedure, a deadline). It carries what `can` needs to decide who may receive it (the
// item's Resource), never the item itself: a client that hears of a change reads the item again
// through the API, which asks `can` once more. So an event holds ids and a few small facts, no
// secrets, and fits comfortably in PostgreSQL's 8,000-byte NOTIFY payload.
import { uuidv7 } from '../kernel/ids.ts';
import type { Resource } from '../kernel/access/can.ts';

/** A small, flat payload: ids, statuses, instants. Nothing a reader of the item could not see. */
export type LivePayload = Record<string, string | number | boolean | null>;

export interface LiveEvent {
  /** Unique per event (time-ordered UUID); the SSE `id:` line and what Last-Event-ID names. */
  id: string;
  /** What happened, e.g. 'text.position_changed', 'procedure.silence_broken' (lower-case, dotted). */
  type: string;
  /** The item the event is about (a text, a procedure). */
  itemId: string;
  /** When it happened (ISO-8601 UTC), the writer's `now`. */
  at: string;
  /**
   * Who may receive it: an event is delivered to a connection only if can(actor, 'read', resource).
   * For texts and procedures: { type: 'text', formatMembers, isPublic: false } (see access/can.ts).
   */
  resource: Resource;
  payload: LivePayload;
}

/** Largest serialised event we publish; PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more. */
export const MAX_EVENT_BYTES = 7_000;
const TYPE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** Builds a live event, checking its shape and size (a programming error throws; it is not a user error). */
export function liveEvent(input: {
  type: string;
  itemId: string;
  at: Date | string;
  resource: Resource;
  payload?: LivePayload;
  id?: string;
}): LiveEvent {
  if (!TYPE_PATTERN.test(input.type))
    throw new Error(
      `live event type "${input.type}" must be lower-case words joined by dots, e.g. procedure.silence_broken`,
    );
  const event: LiveEvent = {
    id: input.id ?? uuidv7(),
    type: input.type,
    itemId: input.itemId,
    at: typeof input.at === 'string' ? input.at : input.at.toISOString(),
    resource: input.resource,
    payload: input.payload ?? {},
  };
  const bytes = Buffer.byteLength(JSON.stringify(event));
  if (bytes > MAX_EVENT_BYTES)
    throw new Error(
      `live event ${event.type} is ${bytes} bytes; keep it under ${MAX_EVENT_BYTES} (send ids, not content)`,
    );
  return event;
}

/** Reads an event back from the wire (NOTIFY payload); null for anything that is not one. */
export function parseLiveEvent(text: string): LiveEvent | null {
  try {
    const value = JSON.parse(text) as Partial<LiveEvent>;
    if (typeof value !== 'object' || value === null) return null;
    if (
      typeof value.id !== 'string' ||
      typeof value.type !== 'string' ||
      typeof value.itemId !== 'string' ||
      typeof value.at !== 'string'
    )
      return null;
    if (
      typeof value.resource !== 'object' ||
      value.resource === null ||
      typeof (value.resource as { type?: unknown }).type !== 'string'
    )
      return null;
    if (typeof value.payload !== 'object' || value.payload === null) return null;
    return value as LiveEvent;
  } catch {
    return null;
  }
}

/** What a client receives in the SSE `data:` line: the event without its access metadata. */
export function clientView(event: LiveEvent): {
  id: string;
  type: string;
  itemId: string;
  at: string;
  payload: LivePayload;
} {
  return { id: event.id, type: event.type, itemId: event.itemId, at: event.at, payload: event.payload };
}
