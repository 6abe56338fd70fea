import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CalendarEntry } from './calendar-entries.ts';
import { agendaView, monthView } from './calendar-views.ts';
import { feedEvent, icsStatus } from './ical/calendar-feed.ts';

const entry = (
  id: string,
  precision: CalendarEntry['precision'],
  startsOn: string,
  endsOn: string,
  extra: Partial<CalendarEntry> = {},
): CalendarEntry => ({
  type: 'event',
  id,
  title: id,
  kind: 'seminar',
  status: 'planned',
  about: '',
  dateText: id,
  precision,
  startsOn,
  endsOn,
  startsAt: null,
  endsAt: null,
  timeZone: null,
  place: null,
  bodyCode: null,
  formatCode: 'nrc-20',
  isPublic: true,
  topics: [],
  updatedAt: '2002-09-25T08:00:00.000Z',
  ...extra,
});

const exercise = entry('exercise', 'range', '2002-09-25', '2002-09-27');
const early = entry('early-october', 'part_of_month', '2002-10-01', '2002-10-10');
const seminar = entry('seminar', 'day', '2002-10-10', '2002-10-10');
const december = entry('december', 'month', '2002-12-01', '2002-12-31');

describe('month view', () => {
  test('October 2002 runs in weeks from Monday 30 September to Sunday 3 November', () => {
    const view = monthView([exercise, early, seminar, december], '2002-10');
    assert.equal(view.weeks.length, 5);
    assert.equal(view.weeks[0]!.days[0]!.date, '2002-09-30');
    assert.equal(view.weeks[0]!.days[0]!.inMonth, false);
    assert.equal(view.weeks.at(-1)!.days.at(-1)!.date, '2002-11-03');
  });

  test('a day-dated event sits on its day; "early October" is listed beside the month, not on ten days', () => {
    const view = monthView([exercise, early, seminar, december], '2002-10');
    const day = (date: string) => view.weeks.flatMap((w) => w.days).find((d) => d.date === date)!;
    assert.deepEqual(
      day('2002-10-10').entries.map((e) => e.id),
      ['seminar'],
    );
    assert.deepEqual(day('2002-10-02').entries, []);
    assert.deepEqual(
      view.imprecise.map((e) => e.id),
      ['early-october'],
    );
  });

  test('a range appears on each of its days, including those of the month before shown in the first week', () => {
    const september = monthView([exercise], '2002-09');
    const days = september.weeks
      .flatMap((w) => w.days)
      .filter((d) => d.entries.length)
      .map((d) => d.date);
    assert.deepEqual(days, ['2002-09-25', '2002-09-26', '2002-09-27']);
  });
});

test('the agenda lists what overlaps the period, in date order', () => {
  assert.deepEqual(
    agendaView([december, seminar, exercise, early], '2002-09-26', '2002-10-31').map((e) => e.id),
    ['exercise', 'early-october', 'seminar'],
  );
});

describe('feed events', () => {
  const names = {
    body: (code: string) => (code === 'nrc' ? 'NATO-Russia Council' : null),
    topic: (code: string) => `Topic ${code}`,
  };

  test('a roughly dated event is all-day on its bounds and says how it was announced', () => {
    const ics = feedEvent(early, names);
    assert.deepEqual(ics.when, { kind: 'date', startsOn: '2002-10-01', endsOn: '2002-10-10' });
    assert.match(ics.description ?? '', /Date as announced: early-october/);
    assert.doesNotMatch(feedEvent(exercise, names).description ?? '', /as announced/, 'a range is exact');
    assert.equal(ics.uid, 'early-october@concord');
  });

  test('a meeting is timed in UTC; a body the reader may not see is not named', () => {
    const meeting = entry('m', 'time', '2002-09-25', '2002-09-25', {
      type: 'meeting',
      kind: 'meeting',
      status: 'held',
      startsAt: '2002-09-25T06:30:00.000Z',
      endsAt: '2002-09-25T08:00:00.000Z',
      bodyCode: 'nac',
      topics: ['terrorism'],
    });
    const ics = feedEvent(meeting, names);
    assert.deepEqual(ics.when, {
      kind: 'instant',
      startsAt: '2002-09-25T06:30:00.000Z',
      endsAt: '2002-09-25T08:00:00.000Z',
    });
    assert.equal(ics.description, 'Status: held.');
    assert.equal(
      feedEvent({ ...meeting, about: 'Level: Defence Ministers.' }, names).description,
      'Level: Defence Ministers.\nStatus: held.',
    );
    assert.deepEqual(ics.categories, ['Meeting', 'Topic terrorism']);
  });

  test('statuses map to TENTATIVE, CONFIRMED and CANCELLED', () => {
    assert.deepEqual(['planned', 'ongoing', 'held', 'record_approved', 'cancelled'].map(icsStatus), [
      'TENTATIVE',
      'CONFIRMED',
      'CONFIRMED',
      'CONFIRMED',
      'CANCELLED',
    ]);
  });
});
