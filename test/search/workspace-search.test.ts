// Workspace search over a real database of each kind, through real sessions: the need-to-know rule
// holds in hits, totals and per-kind counts (the list APIs, which are tested on their own, are the
// oracle of what each reader may see); the index follows every write in its transaction; a rebuild
// writes exactly what the writes left; bad searches are refused with the field named.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { auth } from '../support/app.ts';
import { createAccountsApp, DEMO, json, signIn, type AccountsApp, type Client } from '../accounts/helpers.ts';
import { ensureWorkspaceSearch, rebuildSearchEntries } from '../../src/search/workspace-index.ts';
import { SEARCH_DEFINITION_VERSION, SEARCH_KINDS } from '../../src/search/search-entries.ts';

const write = { ...json, ...auth };
type Hit = { kind: string; id: string; title: string; snippet: { text: string; hit: boolean }[] };
type Results = { total: number; page: number; pageSize: number; kinds: Record<string, number>; hits: Hit[] };

for (const dialect of DIALECTS) {
  describe(`workspace search on ${dialect}`, () => {
    let t: AccountsApp;
    let secretariat: Client;
    let headRu: Client;
    let headPl: Client;
    before(async () => {
      t = await createAccountsApp(dialect);
      [secretariat, headRu, headPl] = await Promise.all([
        signIn(t.app, DEMO.secretariat),
        signIn(t.app, DEMO.headRu),
        signIn(t.app, DEMO.headPl),
      ]);
    });
    after(async () => t?.close());

    const search = async (headers: Record<string, string>, query: string): Promise<Results> => {
      const res = await t.app.inject({ url: `/api/v1/workspace/search?${query}`, headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    /** Every hit of a search, all pages. */
    const allHits = async (headers: Record<string, string>, q: string): Promise<Hit[]> => {
      const hits: Hit[] = [];
      for (let page = 1; ; page += 1) {
        const r = await search(headers, `q=${encodeURIComponent(q)}&page=${page}`);
        hits.push(...r.hits);
        if (hits.length >= r.total || r.hits.length === 0) return hits;
      }
    };
    const listIds = async (headers: Record<string, string>, path: string) => {
      const res = await t.app.inject({ url: `/api/v1/${path}?limit=500`, headers });
      assert.equal(res.statusCode, 200, res.body);
      return new Set((res.json().items as { id: string }[]).map((i) => i.id));
    };
    const cookie = (c: Client) => ({ cookie: c.cookie });
    const name = (c: Client) => (c === secretariat ? 'secretariat' : c === headRu ? 'head.ru' : 'head.pl');

    test('head.ru does not find the Defence Ministers meeting at 19, nor is it counted; the secretariat and head.pl do', async () => {
      const hidden = (
        await search(cookie(secretariat), 'q=comprehensive+discussions+among+NATO+Defence+Ministers')
      ).hits.find((h) => h.kind === 'meeting');
      assert.ok(hidden, 'the secretariat finds the meeting at 19');
      assert.equal(hidden.title, 'NATO Defence Ministers, Warsaw');
      assert.ok(
        hidden.snippet.some((p) => p.hit && /defence/i.test(p.text)),
        'the snippet marks the matching words',
      );

      const ru = await search(cookie(headRu), 'q=Defence+Ministers');
      const staff = await search(cookie(secretariat), 'q=Defence+Ministers');
      assert.equal(
        ru.hits.some((h) => h.id === hidden.id),
        false,
      );
      assert.equal(
        staff.hits.some((h) => h.id === hidden.id),
        true,
      );
      assert.equal(ru.kinds.meeting, staff.kinds.meeting! - 1, 'the hidden meeting is not counted for head.ru');
      assert.equal(ru.total, staff.total - 1);
      const onlyIt = await search(cookie(headRu), 'q=comprehensive+discussions+among+NATO+Defence+Ministers');
      assert.equal(onlyIt.total, 0, 'words only the hidden meeting holds find nothing at all');
      assert.deepEqual(onlyIt.kinds, { meeting: 0, event: 0, project: 0, text: 0 });
      assert.ok(
        (await search(cookie(headPl), 'q=Defence+Ministers')).hits.some((h) => h.id === hidden.id),
        'an Ally sees it',
      );
    });

    test('for every reader, each kind of hit is exactly what that reader may list (the list APIs are the oracle)', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: write,
        payload: { kind: 'visit', title: 'Allied visit on cooperation (demo)', date: '2002-10-15', body: 'nac' },
      });
      assert.equal(created.statusCode, 201, created.body);
      for (const reader of [secretariat, headRu, headPl]) {
        const visible = {
          meeting: await listIds(cookie(reader), 'meetings'),
          event: await listIds(cookie(reader), 'events'),
          project: await listIds(cookie(reader), 'projects'),
          text: await listIds(cookie(reader), 'texts'),
        };
        for (const q of ['NATO', 'Russia', 'Warsaw', 'cooperation', 'peacekeeping', 'terrorism', 'defence']) {
          const everything = await allHits(cookie(secretariat), q);
          const mine = await allHits(cookie(reader), q);
          const expected = everything
            .filter((h) => visible[h.kind as keyof typeof visible].has(h.id))
            .map((h) => `${h.kind}:${h.id}`)
            .sort();
          assert.deepEqual(mine.map((h) => `${h.kind}:${h.id}`).sort(), expected, `${name(reader)} searching "${q}"`);
          const counts = await search(cookie(reader), `q=${q}`);
          for (const kind of SEARCH_KINDS)
            assert.equal(
              counts.kinds[kind],
              mine.filter((h) => h.kind === kind).length,
              `${name(reader)} "${q}" count of ${kind}`,
            );
        }
      }
      const ru = await allHits(cookie(headRu), 'Allied visit cooperation');
      assert.equal(
        ru.some((h) => h.id === created.json().id),
        false,
        'an event at 19 is not found by head.ru',
      );
    });

    test('the public finds public items only; a kind filter narrows the hits but not the per-kind counts', async () => {
      const pub = await allHits({}, 'NATO');
      const publicEvents = await listIds({}, 'events');
      const publicMeetings = await listIds({}, 'meetings');
      const publicProjects = await listIds({}, 'projects');
      const listed = { event: publicEvents, meeting: publicMeetings, project: publicProjects, text: new Set<string>() };
      assert.ok(pub.length > 0);
      assert.ok(
        pub.every((h) => listed[h.kind as keyof typeof listed].has(h.id)),
        JSON.stringify(pub),
      );
      assert.equal(
        pub.some((h) => h.kind === 'text'),
        false,
        'texts are never public',
      );
      const all = await search(cookie(secretariat), 'q=NATO');
      const events = await search(cookie(secretariat), 'q=NATO&kind=event');
      assert.deepEqual(events.kinds, all.kinds);
      assert.equal(events.total, all.kinds.event);
      assert.ok(events.hits.every((h) => h.kind === 'event'));
    });

    test('the index follows creation, change, deletion and new versions; a refused write leaves it as it was', async () => {
      const find = async (q: string) => (await allHits(cookie(secretariat), q)).map((h) => h.id);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/meetings',
        headers: write,
        payload: {
          body: 'nrc-prepcom',
          level: 'Ambassadors',
          startsAt: '2002-10-16T10:00',
          endsAt: '2002-10-16T12:30',
          timeZone: 'Europe/Brussels',
          title: 'Quokka consultations (demo)',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      assert.deepEqual(await find('quokka'), [id]);
      const entriesBefore = await t.db.database.db.selectFrom('search_entries').selectAll().orderBy('seq').execute();
      const refused = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/meetings/${id}`,
        headers: write,
        payload: { title: 'Wombat consultations', startsAt: 'not a time' },
      });
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(
        await t.db.database.db.selectFrom('search_entries').selectAll().orderBy('seq').execute(),
        entriesBefore,
        'a refused write changes no entry',
      );
      const renamed = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/meetings/${id}`,
        headers: write,
        payload: { title: 'Wombat consultations (demo)' },
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.deepEqual(await find('quokka'), []);
      assert.deepEqual(await find('wombat'), [id]);
      const agenda = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/meetings/${id}/agenda`,
        headers: write,
        payload: {
          items: [
            {
              subjectArea: 'Airspace',
              title: 'Cooperative airspace initiative',
              description: '',
              topics: [],
              documents: [],
            },
          ],
        },
      });
      assert.equal(agenda.statusCode, 200, agenda.body);
      assert.deepEqual(await find('airspace initiative'), [id]);
      assert.equal(
        (await t.app.inject({ method: 'DELETE', url: `/api/v1/meetings/${id}`, headers: auth })).statusCode,
        204,
      );
      assert.deepEqual(await find('wombat'), []);

      const text = await t.app.inject({
        method: 'POST',
        url: '/api/v1/texts',
        headers: write,
        payload: {
          body: 'nrc',
          kind: 'statement',
          title: 'Statement on search (demo)',
          text: 'The members welcome the platypus initiative.',
        },
      });
      assert.equal(text.statusCode, 201, text.body);
      assert.deepEqual(await find('platypus'), [text.json().id]);
      const version = await t.app.inject({
        method: 'POST',
        url: `/api/v1/texts/${text.json().id}/versions`,
        headers: write,
        payload: { text: 'The members welcome the echidna initiative.' },
      });
      assert.equal(version.statusCode, 201, version.body);
      assert.deepEqual(await find('platypus'), [], 'only the current version is searched');
      assert.deepEqual(await find('echidna'), [text.json().id]);
    });

    test('renaming a body or an event series rewrites the entries that show its name', async () => {
      const find = async (q: string) =>
        (await allHits(cookie(secretariat), q)).map((h) => `${h.kind}:${h.title}`).sort();
      const body = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/bodies/wg-peacekeeping',
        headers: write,
        payload: { name: 'Working Group on Blue Helmets' },
      });
      assert.equal(body.statusCode, 200, body.body);
      assert.deepEqual(await find('blue helmets'), [
        'project:Joint NATO-Russia peacekeeping operations',
        'text:Generic concept of joint NATO-Russia peacekeeping operations',
      ]);
      const series = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/event-series/military-role-combating-terrorism',
        headers: write,
        payload: { name: 'Soldiers against terror' },
      });
      assert.equal(series.statusCode, 200, series.body);
      assert.deepEqual(await find('soldiers'), [
        'event:The Role of the Military in Combating Terrorism (Moscow)',
        'event:The Role of the Military in Combating Terrorism (Rome)',
      ]);
    });

    test('a rebuild writes exactly the entries the writes left behind', async () => {
      const db = t.db.database.db;
      const snapshot = async () =>
        await db
          .selectFrom('search_entries')
          .select([
            'kind',
            'item_id',
            'format_code',
            'format_members',
            'is_public',
            'title',
            'subtitle',
            'body',
            'date',
            'updated_at',
          ])
          .orderBy('kind')
          .orderBy('item_id')
          .execute();
      const incremental = await snapshot();
      assert.ok(incremental.length >= 12, `the demo's items are indexed (${incremental.length})`);
      const written = await db.transaction().execute((tx) => rebuildSearchEntries(tx));
      assert.equal(written, incremental.length);
      assert.deepEqual(await snapshot(), incremental);
    });

    test('an index of an older definition is rebuilt once, and servers starting together rebuild it once', async () => {
      const db = t.db.database.db;
      const count = async () =>
        Number(
          (
            await db
              .selectFrom('search_entries')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const entries = await count();
      await db.deleteFrom('search_entries').execute();
      await db
        .updateTable('search_index_state')
        .set({ version: SEARCH_DEFINITION_VERSION - 1 })
        .execute();
      const results = await Promise.all([
        ensureWorkspaceSearch(t.db.database, new Date()),
        ensureWorkspaceSearch(t.db.database, new Date()),
      ]);
      assert.deepEqual(
        results.filter((r) => r !== null),
        [entries],
        'exactly one rebuild',
      );
      assert.equal(await count(), entries);
      assert.equal(await ensureWorkspaceSearch(t.db.database, new Date()), null, 'nothing to do when current');
    });

    test('bad searches are refused with the field named; pages beyond the end are empty', async () => {
      const refused = async (query: string, code: string) => {
        const res = await t.app.inject({ url: `/api/v1/workspace/search?${query}`, headers: cookie(secretariat) });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, code);
        assert.ok(
          res
            .json()
            .error.details.some((d: { path: string }) => d.path === 'q' || d.path === 'kind' || d.path === 'page'),
          res.body,
        );
        return res.json().error;
      };
      await refused('', 'VALIDATION_FAILED');
      await refused('q=%20%20', 'VALIDATION_FAILED');
      await refused(`q=${'a'.repeat(501)}`, 'VALIDATION_FAILED');
      await refused('q=NATO&kind=decision', 'VALIDATION_FAILED');
      await refused('q=NATO&page=0', 'VALIDATION_FAILED');
      const symbols = await refused('q=%E2%9C%93+%21%21', 'SEARCH_INVALID');
      assert.match(symbols.message, /at least one word/);
      const far = await search(cookie(secretariat), 'q=NATO&page=50');
      assert.equal(far.hits.length, 0);
      assert.ok(far.total > 0);
      const tricky = await search(cookie(secretariat), `q=${encodeURIComponent('NATO" OR * NEAR( -')}`);
      assert.ok(tricky.total >= 0, 'search syntax of the engines is never passed through');
    });
  });
}
