// Journey: a secretariat officer creates a meeting with an agenda of two items under two subject areas
// through the workspace form, in Chromium against a real `concord serve` process with the demo, on
// SQLite and on PostgreSQL. The form first refuses an empty title and an end before the start (client
// checks, nothing sent), then shows the server's own refusal beside its field (a "held" meeting that has
// not started), reorders the agenda from the keyboard, saves, and the meeting is in the list, on its
// page and in GET /api/v1/meetings/:id exactly as entered; an edit then removes an agenda item.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DIALECTS } from '../support/databases.ts';
import {
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

interface MeetingJson {
  id: string;
  title: string;
  body: { code: string } | null;
  level: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  venue: { city: string | null; country: string | null };
  status: string;
  agenda: { subjectArea: string; items: { title: string; topics: { code: string }[] }[] }[];
}

const TITLE = 'NATO-Russia Council, Ambassadors, Brussels';
const focused = (page: Page) =>
  page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());

for (const dialect of DIALECTS) {
  describe(`journey: the secretariat creates a meeting with an agenda (${dialect})`, () => {
    let j: Journey;
    before(async () => {
      j = await startJourney(dialect);
    });
    after(async () => {
      await j?.close();
    });

    test('inline errors first, then the meeting is saved with its agenda and shown in the list and on its page', async () => {
      const count = async () => (await j.adminGet<{ total: number }>('/meetings?limit=500')).total;
      const before = await count();
      const context = await j.browser.newContext({ viewport: DESKTOP });
      context.setDefaultTimeout(60_000); // several browsers and servers may share the machine
      const page = await context.newPage();
      await page.goto(j.at('/app/'));
      await page.waitForURL((u) => u.pathname === '/sign-in');
      await signInOnPage(page, 'secretariat@demo.concord', DEMO_PASSWORD);
      await settled(page, 'Welcome, Secretariat Officer (demo)');

      await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Meetings' }).click();
      await settled(page, 'Meetings');
      // The secretariat sees the Allies-only meeting at 19 (the delegate's journey checks the opposite).
      assert.match(await words(page.getByRole('table', { name: 'Past' })), /NATO Defence Ministers, Warsaw/);
      await checkPage(page, 'meetings-list-secretariat');
      await page.getByRole('link', { name: 'New meeting' }).click();
      await settled(page, 'New meeting');
      await checkPage(page, 'meeting-form-empty');

      const meetingPart = page.getByRole('group', { name: 'The meeting', exact: true });
      await meetingPart.getByLabel('Body').selectOption({ label: 'NATO-Russia Council' });
      await meetingPart.getByLabel('Level').fill('Ambassadors');
      await page.getByLabel('Start', { exact: true }).fill('2030-03-12T10:00');
      await page.getByLabel('End', { exact: true }).fill('2030-03-12T09:00');
      await page.getByLabel('Time zone').selectOption('Europe/Brussels');
      await page.getByLabel('City').fill('Brussels');
      await page.getByLabel('Country').fill('Belgium');

      // Two agenda items under two subject areas; a new item takes the focus at its subject area.
      const item = (n: number) => page.getByRole('group', { name: `Agenda item ${n}`, exact: true });
      await page.getByRole('button', { name: 'Add agenda item' }).click();
      assert.equal(
        await item(1)
          .getByLabel('Subject area')
          .evaluate((el) => el === document.activeElement),
        true,
        'focus on the new item',
      );
      await item(1).getByLabel('Subject area').fill('Crisis management and peacekeeping');
      await item(1)
        .getByLabel('Title', { exact: true })
        .fill('The generic concept of joint peacekeeping operations: next steps');
      await item(1).getByLabel('Crisis management').check();
      await page.getByRole('button', { name: 'Add agenda item' }).click();
      await item(2).getByLabel('Subject area').fill('Defence reform');
      await item(2).getByLabel('Title', { exact: true }).fill('Conclusions of the experts on defence reform');
      await item(2).getByLabel('Military-to-military cooperation and defence reform').check();

      // 1. The client's checks: empty title, end before start. Nothing is sent.
      await page.getByRole('button', { name: 'Create meeting' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.evaluate((el) => el === document.activeElement), true, 'the summary takes the focus');
      assert.match(
        await words(alert),
        /The meeting was not saved\. Correct the fields below\..*Title: is required.*End: must be later than the start/,
      );
      const title = meetingPart.getByLabel('Title', { exact: true });
      assert.equal(await title.getAttribute('aria-invalid'), 'true');
      assert.equal(await words(meetingPart.locator('.field-invalid .field-error')), 'Title is required');
      assert.equal(await page.getByLabel('End', { exact: true }).getAttribute('aria-invalid'), 'true');
      assert.match(
        await words(page.locator('.field-invalid').filter({ has: page.getByLabel('End', { exact: true }) })),
        /End must be later than the start/,
      );
      await checkPage(page, 'meeting-form-client-errors');
      assert.equal(await count(), before, 'nothing was sent');

      // 2. The server's refusal, beside its field: a meeting cannot be "held" before it starts.
      await title.fill(TITLE);
      await page.getByLabel('End', { exact: true }).fill('2030-03-12T12:00');
      await page.getByLabel('Status', { exact: true }).selectOption('held');
      await page.getByRole('button', { name: 'Create meeting' }).click();
      await page
        .locator('.field-invalid')
        .filter({ has: page.getByLabel('Status', { exact: true }) })
        .waitFor();
      assert.match(await words(page.getByRole('alert')), /Status: cannot be "held" before the meeting starts/);
      assert.equal(await page.getByLabel('Status', { exact: true }).getAttribute('aria-invalid'), 'true');
      assert.equal(await title.getAttribute('aria-invalid'), null, 'the corrected title is no longer marked');
      await checkPage(page, 'meeting-form-server-error');
      assert.equal(await count(), before, 'a refused write changes nothing');
      await page.getByLabel('Status', { exact: true }).selectOption('planned');

      // 3. Reorder from the keyboard: "Defence reform" moves up; the focus stays with the moved item.
      await item(2).getByRole('button', { name: 'Move up agenda item 2' }).focus();
      await page.keyboard.press('Enter');
      assert.equal(await item(1).getByLabel('Subject area').inputValue(), 'Defence reform');
      assert.equal(
        await focused(page),
        'Move down agenda item 1',
        "at the top, the focus goes to the item's other move button",
      );

      await page.getByRole('button', { name: 'Create meeting' }).click();
      await page.waitForURL((u) => /^\/app\/meetings\/[0-9a-f-]{36}$/.test(u.pathname));
      await settled(page, TITLE);
      const id = pathOf(page).split('/').pop()!;
      assert.equal(await words(page.getByRole('status')), 'The meeting was created.');
      assert.match(
        (await page.locator('dl.facts').innerText()).replace(/\s+/g, ' '),
        /When Tue 12 Mar 2030, 10:00–12:00 \(Brussels time\) Level Ambassadors Body NATO-Russia Council Format NRC \(at 20\) Venue Brussels, Belgium Host None Status PLANNED Public No/,
      );
      const agenda = page.getByRole('region', { name: 'Agenda' });
      assert.deepEqual(await agenda.locator('h3').allTextContents(), [
        'Defence reform',
        'Crisis management and peacekeeping',
      ]);
      assert.deepEqual(await agenda.locator('.agenda-title').allTextContents(), [
        'Conclusions of the experts on defence reform',
        'The generic concept of joint peacekeeping operations: next steps',
      ]);
      await checkPage(page, 'meeting-created');

      // The list has it, among the upcoming meetings.
      await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Meetings' }).click();
      await settled(page, 'Meetings');
      const upcoming = page.getByRole('table', { name: 'Upcoming' });
      assert.match(
        (await upcoming.getByRole('row').filter({ hasText: TITLE }).innerText()).replace(/\s+/g, ' '),
        /Tue 12 Mar 2030, 10:00–12:00 \(Brussels time\).*NATO-Russia Council.*Brussels, Belgium.*PLANNED/,
      );

      // The API holds exactly what was entered.
      const saved = (await (await page.request.get(j.at(`/api/v1/meetings/${id}`))).json()) as MeetingJson;
      assert.equal(saved.title, TITLE);
      assert.equal(saved.body?.code, 'nrc');
      assert.equal(saved.level, 'Ambassadors');
      assert.equal(saved.timeZone, 'Europe/Brussels');
      assert.equal(saved.startsAt, '2030-03-12T09:00:00.000Z');
      assert.equal(saved.endsAt, '2030-03-12T11:00:00.000Z');
      assert.deepEqual(saved.venue, { name: null, city: 'Brussels', country: 'Belgium' });
      assert.equal(saved.status, 'planned');
      assert.deepEqual(
        saved.agenda.map((g) => ({
          area: g.subjectArea,
          items: g.items.map((i) => ({ title: i.title, topics: i.topics.map((t) => t.code) })),
        })),
        [
          {
            area: 'Defence reform',
            items: [{ title: 'Conclusions of the experts on defence reform', topics: ['defence-reform'] }],
          },
          {
            area: 'Crisis management and peacekeeping',
            items: [
              {
                title: 'The generic concept of joint peacekeeping operations: next steps',
                topics: ['crisis-management'],
              },
            ],
          },
        ],
      );
      assert.equal(await count(), before + 1);

      // An edit: the second agenda item goes; the page says so and the API agrees.
      await upcoming.getByRole('link', { name: TITLE }).click();
      await settled(page, TITLE);
      await page.getByRole('link', { name: 'Edit meeting' }).click();
      await settled(page, `Edit meeting: ${TITLE}`);
      await item(2).getByRole('button', { name: 'Remove agenda item 2' }).click();
      assert.equal(await page.getByRole('group', { name: 'Agenda item 2', exact: true }).count(), 0);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL((u) => u.pathname === `/app/meetings/${id}`);
      await settled(page, TITLE);
      assert.equal(await words(page.getByRole('status')), 'The meeting was saved.');
      const edited = (await (await page.request.get(j.at(`/api/v1/meetings/${id}`))).json()) as MeetingJson;
      assert.deepEqual(
        edited.agenda.map((g) => g.subjectArea),
        ['Defence reform'],
      );
      assert.equal(edited.startsAt, '2030-03-12T09:00:00.000Z', 'the times survive an edit unchanged');
      await context.close();
    });
  });
}
