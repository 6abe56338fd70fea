import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatOffset, offsetMinutes, parseZonedTime, toZoned } from './zoned-time.ts';

describe('zoned time', () => {
  test('a wall-clock time in Warsaw in September 2002 is two hours ahead of UTC', () => {
    assert.deepEqual(parseZonedTime('2002-09-25T08:30', 'Europe/Warsaw'), {
      ok: true,
      instant: '2002-09-25T06:30:00.000Z',
    });
    assert.deepEqual(toZoned('2002-09-25T06:30:00.000Z', 'Europe/Warsaw'), {
      date: '2002-09-25',
      time: '08:30',
      offset: '+02:00',
    });
  });

  test('winter time and zones west of UTC', () => {
    assert.deepEqual(parseZonedTime('2002-12-09T10:00', 'Europe/Moscow'), {
      ok: true,
      instant: '2002-12-09T07:00:00.000Z',
    });
    assert.deepEqual(parseZonedTime('2002-01-15T09:00:30', 'America/New_York'), {
      ok: true,
      instant: '2002-01-15T14:00:30.000Z',
    });
    assert.equal(offsetMinutes(Date.parse('2002-07-01T00:00:00Z'), 'America/St_Johns'), -150);
    assert.equal(formatOffset(-150), '-02:30');
  });

  test('an instant with an offset is taken as given, whatever the zone', () => {
    assert.deepEqual(parseZonedTime('2002-09-25T08:30:00+02:00', 'Asia/Tokyo'), {
      ok: true,
      instant: '2002-09-25T06:30:00.000Z',
    });
    assert.deepEqual(parseZonedTime('2002-09-25T06:30:00Z', 'Europe/Warsaw'), {
      ok: true,
      instant: '2002-09-25T06:30:00.000Z',
    });
  });

  test('a time the clocks skip is refused; a repeated one is the earlier', () => {
    const gap = parseZonedTime('2002-03-31T02:30', 'Europe/Warsaw');
    assert.equal(gap.ok, false);
    assert.match(gap.ok ? '' : gap.message, /does not exist in Europe\/Warsaw/);
    assert.deepEqual(parseZonedTime('2002-10-27T02:30', 'Europe/Warsaw'), {
      ok: true,
      instant: '2002-10-27T00:30:00.000Z',
    });
  });

  test('impossible dates and shapes are refused with a message', () => {
    assert.equal(parseZonedTime('2002-02-30T10:00', 'UTC').ok, false);
    assert.equal(parseZonedTime('25 September 2002', 'UTC').ok, false);
    assert.equal(parseZonedTime('2002-09-25T24:00', 'UTC').ok, false);
  });
});
