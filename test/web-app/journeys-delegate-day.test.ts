// Journey: a delegate's day, in Chromium against a real `concord serve` process with the demo, on SQLite
// and on PostgreSQL. The head of the Russian delegation signs in; the NRC meeting at 20 on 25 September
// 2002 is on the dashboard, in the meetings list and in the calendar, and its agenda can be read; the
// NATO Defence Ministers' meeting at 19 on 24 September is nowhere — not on the dashboard, not in the list,
// not in the calendar — and its address shows "not available" (the API answers 404). Then sign-out.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DIALECTS } from '../support/databases.ts';
import {
  checkAtPhoneWidth,
  checkPage,
  DEMO_PASSWORD,
  DESKTOP,
  pathOf,
  settled,
  signInOnPage,
  startJourney,
  words,
  type Journey,
} from './journeys-support.ts';

const AT_20 = 'NATO-Russia Council, Defence Ministers, Warsaw';
const AT_19 = 'NATO Defence Ministers, Warsaw';
const AT_19_WHEN = 'Tue 24 Sep 2002';

/** The meeting at 19 is absent from everything the page shows. */
async function assertNoMeetingAt19(page: Page, where: string) {
  const text = await page.locator('body').innerText();
  assert.equal(text.includes(AT_19), false, `${where} names the meeting at 19`);
  assert.equal(text.includes(AT_19_WHEN), false, `${where} shows the day of the meeting at 19`);
}

for (const dialect of DIALECTS) {
  describe(`journey: a delegate's day (${dialect})`, () => {
    let j: Journey;
    let at19: string;
    let at20: string;
    before(async () => {
      j = await startJourney(dialect);
      const all = await j.adminGet<{ items: { id: string; title: string }[] }>('/meetings');
      at19 = all.items.find((m) => m.title === AT_19)!.id;
      at20 = all.items.find((m) => m.title === AT_20)!.id;
      assert.ok(at19 && at20, 'the demo has both Warsaw meetings');
    });
    after(async () => {
      await j?.close();
    });

    test('head.ru sees the meeting at 20 everywhere and the meeting at 19 nowhere', async () => {
      const context = await j.browser.newContext({ viewport: DESKTOP });
      context.setDefaultTimeout(60_000); // several browsers and servers may share the machine
      const page = await context.newPage();
      await page.goto(j.at('/sign-in'));
      await signInOnPage(page, 'head.ru@demo.concord', DEMO_PASSWORD);
      await page.waitForURL((u) => u.pathname === '/app/');

      // The dashboard.
      await settled(page, 'Welcome, Head of the Russian Delegation (demo)');
      assert.equal(
        await words(page.locator('.lede')),
        'You are signed in as head of delegation of Russia. You see what your delegation may see.',
      );
      const latest = page.getByRole('region', { name: 'Latest meetings' });
      assert.deepEqual(await latest.getByRole('link').allTextContents(), [AT_20, 'All meetings']);
      assert.match(await words(latest), /Wed 25 Sep 2002, 08:30–09:45 \(Warsaw time\)/);
      assert.match(
        (await page.getByRole('region', { name: 'At a glance' }).innerText()).replace(/\s+/g, ' '),
        /Meetings 1 \(0 planned, 0 held, 1 with the record approved\)/,
        'the count leaves out the meeting at 19',
      );
      // Texts under silence, as the texts API gives them to this user (none while that API does not exist).
      const underSilence = await page.request.get(j.at('/api/v1/texts?status=under_silence'));
      const silenced =
        underSilence.status() === 404
          ? []
          : ((await underSilence.json()) as { items: { title: string }[] }).items.map((t) => t.title);
      const action = page.getByRole('region', { name: 'Needs your action' });
      if (silenced.length === 0) assert.equal(await words(action.locator('p')), 'Nothing needs your action.');
      else {
        assert.deepEqual(await action.getByRole('link').allTextContents(), silenced);
        assert.equal(
          (await words(action)).match(/Silence ends \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \(Brussels time\)/g)?.length,
          silenced.length,
          'each with its deadline, in the zone the chair set it in',
        );
      }
      assert.match(
        await words(page.getByRole('region', { name: 'Recent documents' })),
        /Press Statement by NATO Secretary General following the meeting of NATO Defence Ministers with the Russian Minister Sergei Ivanov/,
      );
      await assertNoMeetingAt19(page, 'the dashboard');
      await checkPage(page, 'dashboard-head-ru');
      await checkAtPhoneWidth(page, 'dashboard-head-ru');

      // The meetings list.
      await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Meetings' }).click();
      await settled(page, 'Meetings');
      assert.deepEqual(await page.getByRole('table', { name: 'Past' }).locator('tbody th a').allTextContents(), [
        AT_20,
      ]);
      await assertNoMeetingAt19(page, 'the meetings list');
      await checkPage(page, 'meetings-list-head-ru');

      // The meeting at 19 by its address: "not available", exactly like a missing one; the API says 404.
      await page.goto(j.at(`/app/meetings/${at19}`));
      await settled(page, 'Meeting not available');
      assert.equal(await words(page.getByRole('alert')), 'This item does not exist, or it is not available to you.');
      await assertNoMeetingAt19(page, 'the page of the meeting at 19');
      const hidden = await page.request.get(j.at(`/api/v1/meetings/${at19}`));
      assert.equal(hidden.status(), 404);
      const missing = await page.request.get(j.at('/api/v1/meetings/00000000-0000-4000-8000-000000000000'));
      assert.equal(missing.status(), 404);
      assert.equal(
        (await hidden.json()).error.code,
        (await missing.json()).error.code,
        'hidden and missing answer alike',
      );
      await checkPage(page, 'meeting-not-available');

      // The meeting at 20 and its agenda, grouped by subject area.
      await page.getByRole('link', { name: 'All meetings you may see' }).click();
      await settled(page, 'Meetings');
      await page.getByRole('link', { name: AT_20 }).click();
      await settled(page, AT_20);
      assert.equal(pathOf(page), `/app/meetings/${at20}`);
      assert.match(
        (await page.locator('dl.facts').innerText()).replace(/\s+/g, ' '),
        /When Wed 25 Sep 2002, 08:30–09:45 \(Warsaw time\) Level Defence Ministers Body NATO-Russia Council Format NRC \(at 20\) Venue Warsaw, Poland Host Poland/,
      );
      const agenda = page.getByRole('region', { name: 'Agenda' });
      assert.deepEqual(await agenda.locator('h3').allTextContents(), [
        'NATO-Russia cooperation since the Rome summit and the prospects for the future',
        'Current international issues',
      ]);
      assert.equal(await agenda.locator('.agenda-title').count(), 6);
      assert.match(
        await words(page.getByRole('region', { name: 'Current international issues' })),
        /The proliferation of weapons of mass destruction.*Topics: Non-proliferation/,
      );
      assert.match(
        await words(page.getByRole('region', { name: 'Participants' })),
        /Sergei Ivanov.*Russia.*Minister of Defence/,
      );
      assert.match(
        await words(page.getByRole('region', { name: 'Outcome' })),
        /The twenty ministers discussed two broad subject areas/,
      );
      assert.equal(await page.getByRole('link', { name: 'Edit meeting' }).count(), 0, 'a delegate is offered no edit');
      await checkPage(page, 'meeting-at-20-head-ru');
      await checkAtPhoneWidth(page, 'meeting-at-20-head-ru');

      // The calendar (built by the calendar pages): September 2002 has the meeting at 20 and the exercise.
      await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Calendar' }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.goto(j.at('/app/calendar?view=month&month=2002-09'));
      await settled(page, 'Calendar: September 2002');
      const month = await page.locator('main').innerText();
      assert.ok(month.includes(AT_20), 'the meeting at 20 is in September 2002');
      assert.ok(month.includes('Bogorodsk 2002: joint civil emergency exercise'), 'the exercise is in September 2002');
      await assertNoMeetingAt19(page, 'the calendar month');
      await checkPage(page, 'calendar-month-head-ru');
      await page.goto(j.at('/app/calendar?view=list'));
      await settled(page, 'Calendar: events');
      const events = await page.locator('main').innerText();
      for (const title of [
        'Bogorodsk 2002: joint civil emergency exercise',
        'NRC seminar on defence reform',
        'The Role of the Military in Combating Terrorism (Moscow)',
      ])
        assert.ok(events.includes(title), `the events list has ${title}`);
      await checkPage(page, 'calendar-events-head-ru');

      // Sign out.
      await page.locator('.masthead').getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((u) => u.pathname === '/sign-in');
      assert.equal(await words(page.getByRole('status')), 'You have signed out.');
      assert.equal(
        (await page.request.get(j.at(`/api/v1/meetings/${at20}`))).status(),
        200,
        'the meeting at 20 is public',
      );
      assert.equal((await page.request.get(j.at(`/api/v1/meetings/${at19}`))).status(), 404);
      await context.close();
    });
  });
}
