import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import fc from 'fast-check';
import { dayAfter, escapeText, foldLine, renderIcs, type IcsEvent } from './ical-writer.ts';

const encoder = new TextEncoder();
const exercise: IcsEvent = {
  uid: 'e1@concord',
  stamp: '2002-09-25T08:00:00.000Z',
  summary: 'Joint civil emergency exercise "Bogorodsk 2002"',
  location: 'EMERCOM training centre, Noginsk, Moscow region, Russia',
  description: 'Scenario: a terrorist attack on a chemical plant; NATO, Russia; demo.\nSecond line \\ done',
  status: 'CONFIRMED',
  categories: ['Civil emergencies', 'exercise'],
  when: { kind: 'date', startsOn: '2002-09-25', endsOn: '2002-09-27' },
};
const session: IcsEvent = {
  uid: 'm1@concord',
  stamp: '2002-09-25T08:00:00.000Z',
  summary: 'NATO-Russia Council, Defence Ministers',
  status: 'CONFIRMED',
  categories: [],
  when: { kind: 'instant', startsAt: '2002-09-25T06:30:00.000Z', endsAt: '2002-09-25T08:00:00.000Z' },
};

describe('iCalendar writer', () => {
  test('escapes TEXT: backslash, semicolon, comma and newlines', () => {
    assert.equal(escapeText('a\\b;c,d\r\ne\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  });

  test('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'Szmajdziński, '.repeat(20)}`;
    const folded = foldLine(line);
    for (const piece of folded.split('\r\n')) assert.ok(encoder.encode(piece).length <= 75, piece);
    assert.equal(folded.replace(/\r\n /g, ''), line);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        (s) =>
          foldLine(s).replace(/\r\n /g, '') === s &&
          foldLine(s)
            .split('\r\n')
            .every((p) => encoder.encode(p).length <= 75),
      ),
    );
  });

  test('every line ends in CRLF and a real parser reads it back', () => {
    const text = renderIcs({ name: 'Concord: public events', description: 'Demo; feed', events: [exercise, session] });
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const [first, second] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.equal(first!.summary, exercise.summary);
    assert.equal(first!.description, exercise.description);
    assert.equal(first!.location, exercise.location);
    assert.equal(first!.startDate.isDate, true);
    assert.equal(first!.startDate.toString(), '2002-09-25');
    assert.equal(first!.endDate.toString(), '2002-09-28', 'DTEND of an all-day event is exclusive');
    assert.deepEqual(calendar.getFirstSubcomponent('vevent')!.getFirstProperty('categories')!.getValues(), [
      'Civil emergencies',
      'exercise',
    ]);
    assert.equal(second!.startDate.toJSDate().toISOString(), '2002-09-25T06:30:00.000Z');
    assert.equal(second!.startDate.zone?.tzid, 'UTC');
    assert.equal(second!.uid, 'm1@concord');
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Concord: public events');
  });

  test('the day after the last day of February in a leap year is 1 March', () => {
    assert.equal(dayAfter('2004-02-29'), '2004-03-01');
    assert.equal(dayAfter('2002-12-31'), '2003-01-01');
  });
});
