// A raw Server-Sent-Events client for tests: one real HTTP request on a real socket, the status and
// headers as sent, and the events parsed as a browser would (id, event, data, retry; comments).
import http from 'node:http';

export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body of a non-200 answer. */
  body: string;
  messages: SseMessage[];
  comments: string[];
  retry: number | null;
  closed: boolean;
  /** Resolves with the first message (already received or coming) that satisfies `match`. */
  next(match: (m: SseMessage) => boolean, what?: string): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens GET `url` as an event stream with the given headers (cookie, last-event-id). */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      let buffer = '';
      let endResolve: () => void = () => undefined;
      const waiters: { match: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }[] = [];
      const stream: SseStream = {
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: '',
        messages: [],
        comments: [],
        retry: null,
        closed: false,
        next(match, what = 'a matching event') {
          const found = stream.messages.find(match);
          if (found) return Promise.resolve(found);
          return new Promise((res, rej) => {
            const timer = setTimeout(
              () => rej(new Error(`no ${what} within 10 s; got ${JSON.stringify(stream.messages)}`)),
              10_000,
            );
            waiters.push({ match, resolve: (m) => (clearTimeout(timer), res(m)) });
          });
        },
        ended: new Promise((res) => (endResolve = res)),
        close: () => request.destroy(),
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (stream.status !== 200) {
          stream.body += chunk;
          return;
        }
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message: SseMessage = { id: null, event: 'message', data: '' };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) message.id = line.slice(4);
            else if (line.startsWith('event: ')) message.event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
            else if (line.startsWith('retry: ')) stream.retry = Number(line.slice(7));
          }
          if (data.length === 0) continue;
          message.data = data.join('\n');
          stream.messages.push(message);
          for (const waiter of [...waiters]) {
            if (waiter.match(message)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(message);
            }
          }
        }
      });
      const finish = () => {
        stream.closed = true;
        endResolve();
      };
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);
      if (stream.status !== 200) response.on('end', () => resolve(stream));
      else resolve(stream);
    });
    request.on('error', reject);
  });
}

/** The parsed data of a message. */
export const dataOf = (m: SseMessage) =>
  JSON.parse(m.data) as { id: string; type: string; itemId: string; at: string; payload: Record<string, unknown> };

/** Waits until `condition` holds (checking every 10 ms), or fails after 10 s naming `what`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
