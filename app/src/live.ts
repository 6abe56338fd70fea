// Live updates: one EventSource on /api/v1/live shared by every component of the page, reconnected
// with a growing pause when the server closes it or refuses it. The server sends only events about
// items this user may see, and never the item itself: a page that hears of its item reads it again
// through the API. After a reconnection (or an `event: resync`) events may have been missed, so every
// listener hears a `resync` and reloads what it shows.
import { useEffect, useRef } from 'react';

export interface LiveMessage {
  id: string;
  /** e.g. 'text.silence_broken', or 'resync' when events may have been missed. */
  type: string;
  itemId: string;
  at: string;
  payload: Record<string, string | number | boolean | null>;
}

type Listener = (message: LiveMessage) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failures = 0;
let hadError = false;

const resync = (): LiveMessage => ({ id: '', type: 'resync', itemId: '', at: new Date().toISOString(), payload: {} });
const tell = (message: LiveMessage) => {
  for (const listener of [...listeners]) listener(message);
};

function connect(): void {
  if (source || listeners.size === 0 || typeof EventSource === 'undefined') return;
  const es = new EventSource('/api/v1/live');
  source = es;
  es.onopen = () => {
    failures = 0;
    if (hadError) tell(resync());
    hadError = false;
  };
  es.onmessage = (event: MessageEvent<string>) => {
    try {
      const message = JSON.parse(event.data) as LiveMessage;
      if (typeof message.type === 'string' && typeof message.itemId === 'string')
        tell({ ...message, payload: message.payload ?? {} });
    } catch {
      // Not an event of ours (a comment or a damaged line): nothing to do.
    }
  };
  es.addEventListener('resync', () => tell(resync()));
  es.addEventListener('end', () => restart());
  es.onerror = () => {
    hadError = true;
    // The browser reconnects by itself after a dropped connection; a refused one (401, 429, 503)
    // leaves the source closed, and then we try again ourselves, less and less often.
    if (es.readyState === EventSource.CLOSED) restart();
  };
}

function restart(): void {
  source?.close();
  source = null;
  hadError = true;
  if (retryTimer || listeners.size === 0) return;
  failures += 1;
  const pause = Math.min(30_000, 1_000 * 2 ** Math.min(failures - 1, 5));
  retryTimer = setTimeout(() => {
    retryTimer = null;
    connect();
  }, pause);
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = null;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    }
  };
}

/**
 * Calls `onEvent` for each live event that `matches` (all by default) and for every resync. The
 * handler may change between renders without reconnecting.
 */
export function useLive(onEvent: (message: LiveMessage) => void, matches?: (message: LiveMessage) => boolean): void {
  const handler = useRef(onEvent);
  const filter = useRef(matches);
  handler.current = onEvent;
  filter.current = matches;
  useEffect(
    () =>
      subscribe((message) => {
        if (message.type === 'resync' || !filter.current || filter.current(message)) handler.current(message);
      }),
    [],
  );
}

/** Events about texts and their procedures (the texts list, the dashboard's card). */
export const isTextEvent = (message: LiveMessage) => /^(texts?|procedure|decision)[._]/.test(message.type);
