// GET /api/v1/live on real sockets, on both databases: an event about an item of NATO (at 19) reaches
// the Polish head of delegation and the secretariat, never the Russian head of delegation (whose member
// is outside the format); on PostgreSQL it travels from one app server to another through NOTIFY.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventSource } from 'eventsource';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { DEMO, signIn, type Client } from '../accounts/helpers.ts';
import { liveEvent } from '../../src/live/live-event.ts';
import { liveHubOf } from '../../src/live/live.routes.ts';
import { PgLiveBus } from '../../src/live/pg-live-bus.ts';
import { ADMIN_TOKEN } from '../support/app.ts';
import { dataOf, openSse, until, type SseStream } from './sse-client.ts';
import {
  demoDatabase,
  formatMembers,
  movableClock,
  startLiveServer,
  textResource,
  type LiveServer,
} from './support.ts';

for (const dialect of DIALECTS) {
  describe(`live updates over SSE on ${dialect}`, () => {
    let db: TestDatabase;
    const clock = movableClock();
    let a: LiveServer;
    let b: LiveServer; // on SQLite: the same server as a (one server owns the file)
    let nato19: string[];
    let nrc20: string[];
    let pl: Client, ru: Client, secretariat: Client;
    const streams: SseStream[] = [];
    const open = async (server: LiveServer, client: Client | null, headers: Record<string, string> = {}) => {
      const stream = await openSse(`${server.url}/api/v1/live`, {
        ...(client ? { cookie: client.cookie } : {}),
        ...headers,
      });
      streams.push(stream);
      return stream;
    };
    const publishAbout = (server: LiveServer, members: string[], type = 'procedure.silence_broken') => {
      const event = liveEvent({
        type,
        itemId: `text-${type}`,
        at: clock.now(),
        resource: textResource(members),
        payload: { status: 'drafting' },
      });
      return server.bus.publish(event).then(() => event);
    };

    before(async () => {
      db = await demoDatabase(dialect);
      a = await startLiveServer(db, clock);
      b = dialect === 'postgres' ? await startLiveServer(db, clock) : a;
      nato19 = await formatMembers(a.database, 'nato-19');
      nrc20 = await formatMembers(a.database, 'nrc-20');
      assert.ok(!nato19.includes('RUS') && nrc20.includes('RUS'), 'the demo formats as the test assumes');
      pl = await signIn(a.app, DEMO.headPl);
      ru = await signIn(a.app, DEMO.headRu);
      secretariat = await signIn(a.app, DEMO.secretariat);
    });
    after(async () => {
      for (const s of streams) s.close();
      if (b !== a) await b?.close();
      await a?.close();
      await db?.dropAll();
    });

    test('the stream is text/event-stream with retry, no caching, the security headers, and no buffering', async () => {
      const stream = await open(b, pl);
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
      assert.equal(stream.headers['cache-control'], 'no-store');
      assert.equal(stream.headers['x-accel-buffering'], 'no');
      assert.ok(stream.headers['x-content-type-options'], 'helmet headers are kept');
      assert.ok(stream.headers['x-request-id']);
      await until(() => stream.retry !== null, 'the retry line');
      assert.equal(stream.retry, 3000);
      stream.close();
    });

    test(`an event about a NATO (at 19) text published on ${dialect === 'postgres' ? 'server A reaches server B' : 'the server'}: Poland and the secretariat receive it, Russia does not`, async () => {
      const [sPl, sRu, sSec] = [await open(b, pl), await open(b, ru), await open(b, secretariat)];
      await until(() => liveHubOf(b.app)!.stats.streams >= 3, 'three open streams');
      const hidden = await publishAbout(a, nato19, 'procedure.silence_broken');
      // Then one Russia may see: once Russia has it, the earlier one would have arrived before it (one stream, in order).
      const visible = await publishAbout(a, nrc20, 'text.position_changed');
      for (const s of [sPl, sSec]) {
        const got = await s.next((m) => m.id === hidden.id, 'the NATO event');
        assert.deepEqual(dataOf(got), {
          id: hidden.id,
          type: 'procedure.silence_broken',
          itemId: hidden.itemId,
          at: hidden.at,
          payload: { status: 'drafting' },
        });
        assert.equal(got.data.includes('formatMembers'), false, 'access metadata stays on the server');
      }
      await sRu.next((m) => m.id === visible.id, 'the NRC event');
      assert.deepEqual(
        sRu.messages.map((m) => m.id),
        [visible.id],
        'Russia never receives the NATO (at 19) event',
      );
      await sPl.next((m) => m.id === visible.id, 'the NRC event');
      assert.deepEqual(
        sPl.messages.map((m) => m.id),
        [hidden.id, visible.id],
        'in publication order',
      );
      for (const s of [sPl, sRu, sSec]) s.close();
    });

    test('without a session the answer is 401 (catalogued JSON), with the bearer token 403: live updates are for accounts', async () => {
      const anonymous = await open(b, null);
      assert.equal(anonymous.status, 401);
      assert.equal(JSON.parse(anonymous.body).error.code, 'AUTHENTICATION_REQUIRED');
      const stale = await open(b, null, { cookie: 'concord_session=not-a-live-session' });
      assert.equal(stale.status, 401);
      const bearer = await open(b, null, { authorization: `Bearer ${ADMIN_TOKEN}` });
      assert.equal(bearer.status, 403);
      assert.equal(JSON.parse(bearer.body).error.code, 'FORBIDDEN');
    });

    test('Last-Event-ID: a reconnecting reader receives what it missed that it may see; an unknown id asks it to resync', async () => {
      const sPl = await open(b, pl);
      await until(() => liveHubOf(b.app)!.stats.streams >= 1, 'the stream');
      const first = await publishAbout(a, nrc20, 'text.version_added');
      await sPl.next((m) => m.id === first.id, 'the first event');
      sPl.close();
      const missedHidden = await publishAbout(a, nato19, 'procedure.extended');
      const missedVisible = await publishAbout(a, nrc20, 'procedure.opened');
      // Wait until server B has heard both (on PostgreSQL they travel through NOTIFY).
      const probe = await open(b, secretariat);
      const marker = await publishAbout(a, nrc20, 'text.marker');
      await probe.next((m) => m.id === marker.id, 'the marker');
      const ruBack = await open(b, ru, { 'last-event-id': first.id });
      const plBack = await open(b, pl, { 'last-event-id': first.id });
      await plBack.next((m) => m.id === marker.id, 'the replayed marker');
      assert.deepEqual(
        plBack.messages.map((m) => m.id),
        [missedHidden.id, missedVisible.id, marker.id],
      );
      await ruBack.next((m) => m.id === marker.id, 'the replayed marker');
      assert.deepEqual(
        ruBack.messages.map((m) => m.id),
        [missedVisible.id, marker.id],
        'the replay asks `can` too',
      );
      const lost = await open(b, pl, { 'last-event-id': 'no-such-event' });
      const resync = await lost.next((m) => m.event === 'resync', 'a resync event');
      assert.equal(resync.data, '{}');
      for (const s of [probe, ruBack, plBack, lost]) s.close();
    });

    test('a signed-out session ends its stream at the next check, and an expired one receives nothing more', async () => {
      const leaving = await signIn(a.app, DEMO.headPl);
      const stream = await open(b, leaving);
      await until(() => liveHubOf(b.app)!.stats.streams >= 1, 'the stream');
      const out = await a.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: leaving.headers });
      assert.equal(out.statusCode, 204);
      await liveHubOf(b.app)!.revalidate();
      const end = await stream.next((m) => m.event === 'end', 'the end event');
      assert.deepEqual(JSON.parse(end.data), { reason: 'session_ended' });
      await stream.ended;

      // Expiry: the session idles out (120 minutes) while the stream is open; the next event is not written.
      const idle = await signIn(a.app, DEMO.headPl);
      const idleStream = await open(b, idle);
      await until(() => liveHubOf(b.app)!.stats.streams >= 1, 'the stream');
      clock.advanceMinutes(121);
      try {
        const event = await publishAbout(a, nrc20, 'text.after_expiry');
        const ended = await idleStream.next((m) => m.event === 'end', 'the end event');
        assert.deepEqual(JSON.parse(ended.data), { reason: 'session_ended' });
        assert.equal(
          idleStream.messages.some((m) => m.id === event.id),
          false,
        );
      } finally {
        // Sessions of the other tests were signed in before: keep the clock where they are valid.
        clock.advanceMinutes(-121);
      }
    });

    test('an account may hold 10 streams on a server; the 11th is refused with LIVE_TOO_MANY_STREAMS, and closing one frees a place', async () => {
      const held = await signIn(a.app, DEMO.auditor);
      const ten = await Promise.all(Array.from({ length: 10 }, () => open(b, held)));
      assert.deepEqual(
        ten.map((s) => s.status),
        Array(10).fill(200),
      );
      const eleventh = await open(b, held);
      assert.equal(eleventh.status, 429);
      assert.equal(JSON.parse(eleventh.body).error.code, 'LIVE_TOO_MANY_STREAMS');
      ten[0]!.close();
      await until(async () => (await open(b, held)).status === 200, 'a free place after closing a stream');
      for (const s of ten) s.close();
    });

    if (dialect === 'sqlite') {
      test('the eventsource package (a browser-like client) receives an entitled event with its id', async () => {
        const es = new EventSource(`${a.url}/api/v1/live`, {
          fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, cookie: pl.cookie } }),
        });
        try {
          await new Promise<void>((resolve, reject) => {
            es.onopen = () => resolve();
            es.onerror = (e) => reject(new Error(`EventSource error ${String(e.message)}`));
          });
          const received = new Promise<MessageEvent>((resolve) => (es.onmessage = resolve));
          const event = await publishAbout(a, nato19, 'procedure.adopted');
          const message = await received;
          assert.equal(message.lastEventId, event.id);
          assert.equal(JSON.parse(message.data).type, 'procedure.adopted');
        } finally {
          es.close();
        }
      });
    }

    if (dialect === 'postgres') {
      test('the LISTEN connection recovers after a loss: readers are told to resync, and events flow again', async () => {
        const stream = await open(b, pl);
        await until(() => liveHubOf(b.app)!.stats.streams >= 1, 'the stream');
        const bus = b.bus as PgLiveBus;
        bus.simulateConnectionLoss();
        assert.equal(bus.listening, false);
        await stream.next((m) => m.event === 'resync', 'the resync after reconnecting');
        assert.equal(bus.listening, true);
        const event = await publishAbout(a, nato19, 'procedure.after_reconnect');
        await stream.next((m) => m.id === event.id, 'an event after the reconnection');
        stream.close();
      });

      test('installations in two schemas of one PostgreSQL server do not hear each other', async () => {
        const other = await demoDatabase('postgres');
        const c = await startLiveServer(other, clock);
        try {
          assert.notEqual((c.bus as PgLiveBus).channel, (a.bus as PgLiveBus).channel);
          const otherPl = await signIn(c.app, DEMO.headPl);
          const stream = await open(c, otherPl);
          await until(() => liveHubOf(c.app)!.stats.streams >= 1, 'the stream');
          const ours = await publishAbout(a, nrc20, 'text.ours');
          const theirs = await publishAbout(c, nrc20, 'text.theirs');
          await stream.next((m) => m.id === theirs.id, 'their own event');
          assert.equal(
            stream.messages.some((m) => m.id === ours.id),
            false,
          );
          stream.close();
        } finally {
          await c.close();
          await other.dropAll();
        }
      });
    }
  });
}
