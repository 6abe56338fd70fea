// The workspace calendar in real Chromium against a real `concord serve` process with the demo:
// the secretariat officer creates an event announced for "early October" through the form (the
// missing title is caught inline first) and finds it in the agenda and the month; a personal feed URL
// is created, read and revoked; the head of the Russian delegation sees September and December 2002
// with the public and NRC-at-20 items and nothing of the Allies-only meeting at 19, also at phone
// width. axe-core runs on every page; screenshots are kept in test-results/screenshots.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from '../support/browser.ts';
// words: what a reader sees of an element (rendered text), on one line.
import { noAxeViolations, renderedWords as words, suiteJourney } from './journeys-support.ts';

describe('workspace calendar pages in Chromium', () => {
  const journey = suiteJourney('sqlite');
  const { at, signedIn } = journey;

  test('the secretariat officer creates an event for "early October" and finds it in the agenda; a personal feed is created and revoked', async () => {
    const { context, page } = await signedIn('secretariat@demo.concord', '/app/calendar');
    await page.getByRole('link', { name: 'New event' }).click();
    await page.getByRole('heading', { level: 1, name: 'New event' }).waitFor();
    await noAxeViolations(page, 'the empty event form');

    // Nothing filled in: the title's problem is shown beside it and the summary takes the focus.
    await page.getByRole('button', { name: 'Create the event' }).click();
    const title = page.getByLabel('Title', { exact: true });
    assert.equal(await title.getAttribute('aria-invalid'), 'true');
    const describedBy = (await title.getAttribute('aria-describedby'))!;
    assert.equal(await words(page.locator(`[id="${describedBy.split(' ').pop()}"]`)), 'Enter a title for the event.');
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('role')),
      'alert',
      'the summary has the focus',
    );
    assert.match(
      await words(page.getByRole('alert')),
      /The event was not saved\..*Title: Enter a title for the event\..*Date: Enter the day of the event\./i,
    );
    await screenshot(page, 'workspace-event-form-errors-1280');
    await noAxeViolations(page, 'the event form with errors');
    const before = await (await page.request.get(at('/api/v1/events?month=2002-10'))).json();

    const name = 'Meeting of Allied and Russian experts on defence reform (demo: created in a test)';
    await page.getByLabel('Kind').selectOption('experts_meeting');
    await title.fill(name);
    await page.getByLabel('How exact is the date?').selectOption('part_of_month');
    await page.getByLabel('Part of the month').selectOption('early');
    await page.getByLabel('Month', { exact: true }).fill('2002-10');
    await page.getByLabel('City').fill('Brussels');
    await page.getByLabel('Body').selectOption('experts-defence-reform');
    await page.getByLabel('Public: on the public calendar and its feeds').check();
    await page.getByLabel('Military-to-military cooperation and defence reform').check();
    await page.getByLabel('Defence reform', { exact: true }).check();
    await page.getByRole('button', { name: 'Create the event' }).click();

    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert.equal(await words(page.getByRole('status')), 'The event is created.');
    assert.match(
      await words(page.locator('dl.facts')),
      /When early October 2002 \(exact day not yet fixed\) Where Brussels/i,
    );
    assert.match(await words(page.locator('dl.facts')), /Projects Defence reform/i);
    await screenshot(page, 'workspace-event-created-1280');
    await noAxeViolations(page, 'the new event');

    // Saved as stated: its precision and bounds, its body's format, public.
    const afterList = await (await page.request.get(at('/api/v1/events?month=2002-10'))).json();
    assert.equal(afterList.total, before.total + 1);
    const saved = afterList.items.find((e: { title: string }) => e.title === name);
    assert.deepEqual(saved.date, {
      text: 'early October 2002',
      precision: 'part_of_month',
      startsOn: '2002-10-01',
      endsOn: '2002-10-10',
    });
    assert.equal(saved.kind, 'experts_meeting');
    assert.equal(saved.format.code, 'nrc-20');
    assert.equal(saved.public, true);

    // The agenda of the autumn of 2002 lists it under October, after the Warsaw meetings of September.
    await page.getByRole('link', { name: 'Calendar' }).first().click();
    await page.getByRole('link', { name: 'Agenda' }).click();
    await page.getByLabel('From', { exact: true }).fill('2002-09-01');
    await page.getByLabel('To', { exact: true }).fill('2002-12-31');
    await page.getByRole('button', { name: 'Show' }).click();
    const october = page.locator('section.cal-agenda-month', {
      has: page.getByRole('heading', { level: 2, name: 'October 2002' }),
    });
    await october.waitFor();
    assert.match(
      await words(october),
      new RegExp(
        `${name.replace(/[()]/g, '\\$&')} early October 2002 \\(exact day not yet fixed\\) Experts' meeting · Brussels · Allied and Russian Experts on Defence Reform Planned Public`,
        'i',
      ),
    );
    const september = page.locator('section.cal-agenda-month', {
      has: page.getByRole('heading', { level: 2, name: 'September 2002' }),
    });
    assert.match(
      await words(september),
      /NATO Defence Ministers, Warsaw Tue 24 Sep 2002, 09:00–18:00 \(Warsaw time\)/i,
      'the secretariat sees the meeting at 19',
    );
    await screenshot(page, 'workspace-calendar-agenda-1280');
    await noAxeViolations(page, 'the agenda');

    // In the month of October it is listed beside the grid, not spread over ten days.
    await page.goto(at('/app/calendar?month=2002-10'));
    const imprecise = page.locator('section.cal-imprecise');
    await imprecise.getByText(name).waitFor();
    assert.equal(await page.locator('table.cal-month').getByText(name).count(), 0);
    assert.match(
      await words(page.locator('table.cal-month td', { hasText: 'Thursday 10 October 2002' }).locator('li')),
      /^NRC seminar on defence reform Planned$/i,
    );

    // A personal feed: created, shown once, readable as iCalendar, revoked.
    await page.getByLabel('Name of the new feed').fill('Office calendar');
    await page.getByRole('button', { name: 'Create a personal feed address' }).click();
    const feedUrl = await page.getByLabel('Secret feed address').inputValue();
    assert.match(feedUrl, /\/calendar\/feeds\/[A-Za-z0-9_-]+\.ics$/);
    // The address carries PUBLIC_URL (not set here); the path is what the server answers.
    const feedAt = at(new URL(feedUrl).pathname);
    const feed = await fetch(feedAt);
    assert.equal(feed.status, 200);
    const ics = await feed.text();
    assert.match(ics, /^BEGIN:VCALENDAR/);
    assert.match(
      ics.replace(/\r\n[ \t]/g, ''),
      /SUMMARY:NATO Defence Ministers\\, Warsaw/,
      'the personal feed holds what its owner may see',
    );
    await screenshot(page, 'workspace-calendar-feed-created-1280');
    await noAxeViolations(page, 'the month with a new feed');
    await page.getByRole('button', { name: 'Revoke Office calendar' }).click();
    await page.getByText('You have no personal feed at the moment.').waitFor();
    assert.equal((await fetch(feedAt)).status, 404, 'a revoked feed is gone');
    await context.close();
  });

  test('the head of the Russian delegation sees September and December 2002 without the Allies-only meeting, also at phone width', async () => {
    const { context, page } = await signedIn('head.ru@demo.concord', '/app/calendar?month=2002-09');
    const grid = page.locator('table.cal-month');
    await grid.getByText('NATO-Russia Council, Defence Ministers, Warsaw').waitFor();
    assert.equal(await words(grid.locator('caption')), 'September 2002');
    assert.deepEqual(
      await grid
        .locator('thead th')
        .evaluateAll((ths) => ths.map((th) => `${th.getAttribute('scope')}:${th.getAttribute('abbr')}`)),
      ['col:Monday', 'col:Tuesday', 'col:Wednesday', 'col:Thursday', 'col:Friday', 'col:Saturday', 'col:Sunday'],
    );
    const the25th = grid.locator('td', { hasText: 'Wednesday 25 September 2002' });
    assert.match(
      await words(the25th),
      /Bogorodsk 2002: joint civil emergency exercise Ongoing 08:30 Warsaw time NATO-Russia Council, Defence Ministers, Warsaw Record approved/i,
    );
    const the24th = grid.locator('td', { hasText: 'Tuesday 24 September 2002' });
    assert.equal(await the24th.locator('li').count(), 0, 'the meeting at 19 is not on the 24th');
    const main = await words(page.locator('main'));
    assert.doesNotMatch(main, /NATO Defence Ministers|NATO \(at 19\)|North Atlantic Council/i);
    await screenshot(page, 'workspace-calendar-september-head-ru-1280');
    await noAxeViolations(page, 'September 2002 as the Russian head of delegation');

    await page.getByRole('link', { name: 'October 2002 →' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar: October 2002' }).waitFor();
    await page.getByLabel('Month', { exact: true }).fill('2002-12');
    await page.getByRole('button', { name: 'Show' }).click();
    await grid.getByText('The Role of the Military in Combating Terrorism (Moscow)').waitFor();
    assert.equal(await words(grid.locator('caption')), 'December 2002');
    assert.match(
      await words(grid.locator('td', { hasText: 'Monday 9 December 2002' })),
      /The Role of the Military in Combating Terrorism \(Moscow\) Planned/i,
    );
    await screenshot(page, 'workspace-calendar-december-head-ru-1280');
    await noAxeViolations(page, 'December 2002');

    // The list view: the series ordinal and the filters.
    await page.getByRole('link', { name: 'List of events' }).click();
    await page.getByLabel('Kind').selectOption('conference');
    await page.getByRole('button', { name: 'Show' }).click();
    // The filter is a new address: wait for it, and for the list loaded for it (not the one before).
    await page.waitForURL(/kind=conference/);
    await page
      .waitForFunction(() => document.querySelectorAll('table.data tbody tr').length <= 2, undefined, {
        timeout: 30_000,
      })
      .catch(() => undefined);
    const moscow = page.getByRole('row', { name: /Moscow\)/ });
    await moscow.waitFor();
    assert.match(
      await words(moscow),
      /The second in a series .*Mon 9 December 2002 Conference Moscow, Russia Planned Public/i,
    );
    assert.equal(await page.locator('table.data tbody tr').count(), 2, 'the two conferences of the series');
    assert.doesNotMatch(await words(page.locator('main')), /NATO \(at 19\)/i);
    await noAxeViolations(page, 'the list of events');

    // At phone width the month is a list per week; nothing scrolls sideways.
    const phone = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
    phone.setDefaultTimeout(60_000);
    await phone.addCookies(await context.cookies());
    const small = await phone.newPage();
    await small.goto(at('/app/calendar?month=2002-09'));
    const weeks = small.locator('.cal-month-weeks');
    await weeks.getByRole('heading', { name: 'Wednesday 25 September 2002' }).waitFor();
    assert.equal(await small.locator('table.cal-month').isVisible(), false);
    assert.match(
      await words(weeks),
      /Week of 23 September 2002 – 29 September 2002 Wednesday 25 September 2002 Bogorodsk 2002/i,
    );
    assert.doesNotMatch(await words(small.locator('main')), /NATO Defence Ministers/i);
    assert.ok(
      (await small.evaluate(() => document.documentElement.scrollWidth)) <= 390,
      'no horizontal scroll at 390 px',
    );
    await screenshot(small, 'workspace-calendar-september-head-ru-390');
    await noAxeViolations(small, 'the month at phone width');
    await phone.close();
    await context.close();
  });
});
