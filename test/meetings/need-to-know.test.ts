// The acceptance of issue 4 on both databases: signed in as the head of the Russian delegation, the
// NATO Defence Ministers' meeting at 19 on 24 September 2002 is invisible everywhere — lists, its own
// address (404 like a missing one), word search, counts, the dashboard, the calendar views, the
// /calendar page and the feeds. Signed in as the secretariat officer, it is there in every one of them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DEMO, IDS, json, parseFeed, signIn } from './support.ts';

const MISSING = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`need-to-know for meetings on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t?.close());

    // Everything a reader can learn about the meeting at 19, from every surface of this issue.
    async function surfaces(headers: Record<string, string>) {
      const get = async (url: string) => t.app.inject({ url, headers });
      const list = (await get('/api/v1/meetings')).json();
      const byBody = (await get('/api/v1/meetings?body=nac')).json();
      const search = (await get('/api/v1/meetings?q=NATO%20Defence%20Ministers')).json();
      const item = await get(`/api/v1/meetings/${IDS.meetingAt19}`);
      const missing = await get(`/api/v1/meetings/${MISSING}`);
      const dashboard = (await get('/api/v1/dashboard?on=2002-09-01')).json();
      const workspaceSearch = (await get('/api/v1/workspace/search?q=Defence%20Ministers')).json();
      const month = (await get('/api/v1/calendar/month?month=2002-09')).json();
      const agenda = (await get('/api/v1/calendar/agenda?from=2002-09-01&to=2002-09-30')).json();
      const token = await t.app.inject({
        method: 'POST',
        url: '/api/v1/calendar/feed-tokens',
        headers: { ...json, ...headers },
        payload: { label: 'Outlook' },
      });
      assert.equal(token.statusCode, 201, token.body);
      const feed = parseFeed((await t.app.inject({ url: new URL(token.json().url).pathname })).body);
      const page = (
        await t.app.inject({ url: '/calendar?month=2002-09', headers: { ...headers, accept: 'text/html' } })
      ).body;
      const monthIds = month.weeks.flatMap((w: { days: { entries: { id: string }[] }[] }) =>
        w.days.flatMap((d) => d.entries.map((e) => e.id)),
      );
      return {
        listed: list.items.some((m: { id: string }) => m.id === IDS.meetingAt19),
        total: list.total,
        byBody: byBody.total,
        searched: search.items.some((m: { id: string }) => m.id === IDS.meetingAt19),
        item,
        missing,
        dashboard,
        inWorkspaceSearch: workspaceSearch.hits.some((h: { id: string }) => h.id === IDS.meetingAt19),
        workspaceSearchMeetings: workspaceSearch.kinds.meeting,
        inMonth: monthIds.includes(IDS.meetingAt19),
        onPage: page.includes('NATO Defence Ministers, Warsaw'),
        pageHasAt20: page.includes('NATO-Russia Council, Defence Ministers, Warsaw'),
        inAgenda: agenda.entries.some((e: { id: string }) => e.id === IDS.meetingAt19),
        inFeed: feed.events.some((e) => e.uid === `${IDS.meetingAt19}@concord`),
        feedHasAt20: feed.events.some((e) => e.uid === `${IDS.meetingAt20}@concord`),
      };
    }

    test('head.ru@demo.concord: the meeting at 19 is in no list, no search, no count, no view and no feed, and its address is 404 like a missing one', async () => {
      const ru = await signIn(t.app, DEMO.headRu);
      const s = await surfaces(ru.headers);
      assert.equal(s.listed, false);
      assert.equal(s.total, 1, 'the total counts only the meeting at 20');
      assert.equal(s.byBody, 0);
      assert.equal(s.searched, false);
      assert.equal(s.item.statusCode, 404);
      assert.equal(
        s.item.json().error.message.replace(IDS.meetingAt19, 'X'),
        s.missing.json().error.message.replace(MISSING, 'X'),
        'hidden reads like missing',
      );
      assert.deepEqual(s.dashboard.meetings, { total: 1, planned: 0, held: 0, record_approved: 1 });
      assert.equal(
        s.dashboard.upcoming.some((e: { id: string }) => e.id === IDS.meetingAt19),
        false,
      );
      assert.equal(s.inWorkspaceSearch, false, 'workspace search');
      assert.equal(s.workspaceSearchMeetings, 1, 'the workspace search counts only the meeting at 20');
      assert.equal(s.inMonth, false);
      assert.equal(s.inAgenda, false);
      assert.equal(s.onPage, false, 'the /calendar page');
      assert.equal(s.pageHasAt20, true);
      assert.equal(s.inFeed, false);
      assert.equal(s.feedHasAt20, true, 'the feed does serve the meeting at 20');
    });

    test('secretariat@demo.concord: the meeting at 19 is in every one of them', async () => {
      const officer = await signIn(t.app, DEMO.secretariat);
      const s = await surfaces(officer.headers);
      assert.equal(s.listed, true);
      assert.equal(s.total, 2);
      assert.equal(s.byBody, 1);
      assert.equal(s.searched, true);
      assert.equal(s.item.statusCode, 200);
      assert.equal(s.item.json().format.code, 'nato-19');
      assert.deepEqual(s.dashboard.meetings, { total: 2, planned: 0, held: 1, record_approved: 1 });
      assert.equal(s.inWorkspaceSearch, true);
      assert.equal(s.workspaceSearchMeetings, 2);
      assert.equal(s.inMonth, true);
      assert.equal(s.inAgenda, true);
      assert.equal(s.onPage, true);
      assert.equal(s.inFeed, true);
    });

    test('a quiet dashboard shows the latest entries the reader may see, never one outside their formats', async () => {
      const write = { ...json, authorization: `Bearer ${t.config.adminToken}` };
      const at19 = await t.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: write,
        payload: { kind: 'visit', title: 'Allied visit after the season (demo)', date: '2003-03-10', body: 'nac' },
      });
      assert.equal(at19.statusCode, 201, at19.body);
      const recentOf = async (headers: Record<string, string>) => {
        const d = (await t.app.inject({ url: '/api/v1/dashboard?on=2003-06-01', headers })).json();
        assert.deepEqual(d.upcoming, [], 'nothing is coming up after the demo season');
        return d.recent.map((e: { title: string }) => e.title) as string[];
      };
      const officer = await signIn(t.app, DEMO.secretariat);
      const ru = await signIn(t.app, DEMO.headRu);
      assert.deepEqual(await recentOf(officer.headers), [
        'Allied visit after the season (demo)',
        'The Role of the Military in Combating Terrorism (Moscow)',
        'NRC seminar on defence reform',
      ]);
      assert.deepEqual(await recentOf(ru.headers), [
        'The Role of the Military in Combating Terrorism (Moscow)',
        'NRC seminar on defence reform',
        'NATO-Russia Council, Defence Ministers, Warsaw',
      ]);
      const busy = (await t.app.inject({ url: '/api/v1/dashboard?on=2002-09-01', headers: ru.headers })).json();
      assert.ok(busy.upcoming.length > 0);
      assert.deepEqual(busy.recent, [], 'the latest are shown only when nothing is coming up');
      assert.equal(
        (
          await t.app.inject({
            method: 'DELETE',
            url: `/api/v1/events/${at19.json().id}`,
            headers: { authorization: write.authorization },
          })
        ).statusCode,
        204,
      );
    });

    test('head.pl@demo.concord, an Ally, sees it; the public does not', async () => {
      const pl = await signIn(t.app, DEMO.headPl);
      assert.equal(
        (await t.app.inject({ url: `/api/v1/meetings/${IDS.meetingAt19}`, headers: pl.headers })).statusCode,
        200,
      );
      assert.equal((await t.app.inject({ url: `/api/v1/meetings/${IDS.meetingAt19}` })).statusCode, 404);
      assert.equal((await t.app.inject({ url: '/api/v1/meetings' })).json().total, 1);
      assert.equal(
        (await t.app.inject({ url: '/calendar?month=2002-09' })).body.includes('NATO Defence Ministers, Warsaw'),
        false,
      );
      for (const url of ['/calendar.ics', '/calendar/topics/terrorism.ics', '/calendar/bodies/nrc.ics']) {
        const feed = parseFeed((await t.app.inject({ url })).body);
        assert.equal(
          feed.events.some((e) => e.uid === `${IDS.meetingAt19}@concord`),
          false,
          url,
        );
      }
      assert.equal(
        (await t.app.inject({ url: '/calendar/bodies/nac.ics' })).statusCode,
        404,
        'the body at 19 has no public feed',
      );
    });
  });
}
