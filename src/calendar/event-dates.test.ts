import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatEventDate, parseEventDate, type EventDate } from './event-dates.ts';

const ok = (input: string): EventDate => {
  const parsed = parseEventDate(input);
  assert.ok(parsed.ok, `${input}: ${parsed.ok ? '' : parsed.message}`);
  return parsed.date;
};

describe('dates of stated precision', () => {
  test('the dates the seed announces', () => {
    assert.deepEqual(ok('early October 2002'), {
      text: 'early October 2002',
      precision: 'part_of_month',
      startsOn: '2002-10-01',
      endsOn: '2002-10-10',
    });
    assert.deepEqual(ok('December 2002'), {
      text: 'December 2002',
      precision: 'month',
      startsOn: '2002-12-01',
      endsOn: '2002-12-31',
    });
    assert.deepEqual(ok('25–27 September 2002'), {
      text: '25–27 September 2002',
      precision: 'range',
      startsOn: '2002-09-25',
      endsOn: '2002-09-27',
    });
    assert.deepEqual(ok('10 October 2002'), {
      text: '10 October 2002',
      precision: 'day',
      startsOn: '2002-10-10',
      endsOn: '2002-10-10',
    });
  });

  test('mid and late parts of a month, ranges across months and years, American order', () => {
    assert.deepEqual([ok('mid-October 2002').startsOn, ok('mid-October 2002').endsOn], ['2002-10-11', '2002-10-20']);
    assert.deepEqual(
      [ok('late February 2004').startsOn, ok('late February 2004').endsOn],
      ['2004-02-21', '2004-02-29'],
    );
    assert.deepEqual(
      [ok('30 September – 2 October 2002').startsOn, ok('30 September – 2 October 2002').endsOn],
      ['2002-09-30', '2002-10-02'],
    );
    assert.equal(ok('30 December 2002 - 2 January 2003').endsOn, '2003-01-02');
    assert.equal(ok('October 10, 2002').startsOn, '2002-10-10');
    assert.equal(ok('25 Sept. 2002').startsOn, '2002-09-25');
  });

  test('ISO forms are accepted and shown in words', () => {
    assert.deepEqual(ok('2002-10-10'), {
      text: '10 October 2002',
      precision: 'day',
      startsOn: '2002-10-10',
      endsOn: '2002-10-10',
    });
    assert.deepEqual(ok('2002-09-25/2002-09-27'), {
      text: '25–27 September 2002',
      precision: 'range',
      startsOn: '2002-09-25',
      endsOn: '2002-09-27',
    });
    assert.deepEqual(ok('2002-02'), {
      text: 'February 2002',
      precision: 'month',
      startsOn: '2002-02-01',
      endsOn: '2002-02-28',
    });
    assert.deepEqual(ok('2003'), { text: '2003', precision: 'year', startsOn: '2003-01-01', endsOn: '2003-12-31' });
  });

  test('a range of one day is a day', () => {
    assert.equal(ok('2002-09-25/2002-09-25').precision, 'day');
  });

  test('impossible, backwards and unreadable dates are refused', () => {
    for (const bad of [
      '31 September 2002',
      '27–25 September 2002',
      '2002-13',
      'Octember 2002',
      'soon',
      '',
      '10/10/2002',
      'early 2002',
    ]) {
      assert.equal(parseEventDate(bad).ok, false, bad);
    }
  });

  test('property: every day written in words reads back as itself', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const words = formatEventDate('day', iso, iso);
          const back = parseEventDate(words);
          return back.ok && back.date.startsOn === iso && back.date.endsOn === iso;
        },
      ),
    );
  });
});
