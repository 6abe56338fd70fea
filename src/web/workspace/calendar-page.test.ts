import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CalendarEntry } from '../../calendar/calendar-entries.ts';
import { monthView } from '../../calendar/calendar-views.ts';
import { renderCalendarPage } from './calendar-page.ts';

const entry = (
  id: string,
  title: string,
  precision: CalendarEntry['precision'],
  startsOn: string,
  endsOn: string,
): CalendarEntry => ({
  type: 'event',
  id,
  title,
  kind: 'exercise',
  status: 'ongoing',
  about: '',
  dateText: `${startsOn}..${endsOn}`,
  precision,
  startsOn,
  endsOn,
  startsAt: null,
  endsAt: null,
  timeZone: null,
  place: 'Noginsk',
  bodyCode: 'nrc',
  formatCode: 'nrc-20',
  isPublic: true,
  topics: ['civil-emergencies'],
  updatedAt: '2002-09-25T08:00:00.000Z',
});
const page = (entries: CalendarEntry[], month: string) =>
  renderCalendarPage({
    councilName: 'NATO-Russia Council',
    view: monthView(entries, month),
    previous: '2002-08',
    next: '2002-10',
    names: { body: () => 'NATO-Russia Council', topic: () => 'Civil emergencies' },
    feeds: [{ label: 'All', href: '/calendar.ics' }],
  });

test('a three-day exercise is listed once, on its first day; titles are escaped', () => {
  const html = page([entry('a', 'Bogorodsk <2002>', 'range', '2002-09-25', '2002-09-27')], '2002-09');
  assert.equal(html.split('Bogorodsk &lt;2002&gt;').length - 1, 1);
  assert.match(html, /<h2 id="d-2002-09-25">25 September 2002<\/h2>/);
  assert.match(html, /<h1>Calendar: September 2002<\/h1>/);
});

test('a date known only roughly stands beside the month; an empty month says so', () => {
  assert.match(
    page([entry('b', 'Experts', 'part_of_month', '2002-10-01', '2002-10-10')], '2002-10'),
    /date not yet fixed[\s\S]*Experts/,
  );
  assert.match(page([], '2002-11'), /Nothing on the calendar in November 2002/);
});
