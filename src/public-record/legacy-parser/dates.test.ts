import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, parseDateLine } from './dates.ts';

describe('parseDateLine reads every date form found in the archive', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['25 Sept. 2002', '2002-09-25'],
    ['9 Dec 2002', '2002-12-09'],
    ['8 Dec . 2005', '2005-12-08'],
    ['22 nov. 2002', '2002-11-22'],
    ['28 мая 2002 года', '2002-05-28'],
    ['28/05/2002', '2002-05-28'],
    ['28.05.2002', '2002-05-28'],
    ['2-3 Oct 2003', '2003-10-02/2003-10-03'],
    ['2–3 October 2003', '2003-10-02/2003-10-03'],
    ['30 Sept - 1 Oct 2003', '2003-09-30/2003-10-01'],
    ['28-29 мая 2002 года', '2002-05-28/2002-05-29'],
    ['October 2-3, 2003', '2003-10-02/2003-10-03'],
    ['25-Sep-2002', '2002-09-25'],
    ['03-Oct-2003', '2003-10-03'],
    ['2002-09-25', '2002-09-25'],
    ['September 25, 2002', '2002-09-25'],
    ['Wednesday, 25 September 2002', '2002-09-25'],
    ['le 22 novembre 2002', '2002-11-22'],
    ['1er décembre 2002', '2002-12-01'],
    ['4 février 2003', '2003-02-04'],
    ['15. Januar 2003', '2003-01-15'],
    ['25 de septiembre de 2002', '2002-09-25'],
    ['12 dicembre 2002', '2002-12-12'],
    ['October 2003', '2003-10'],
    ['2003', '2003'],
    ['29 Feb 2004', '2004-02-29'],
  ];
  for (const [text, iso] of cases) {
    test(`"${text}" → ${iso}`, () => {
      const found = parseDateLine(text);
      assert.equal(found?.iso, iso);
      assert.equal(found?.confidence, 1);
      assert.equal(found?.reason, null);
    });
  }
});

describe('impossible dates are reported, never rounded to a neighbour', () => {
  for (const text of ['31 Feb 2002', '29 Feb 2003', '31/04/2002', '32 Dec 2002', '3-2 Oct 2003']) {
    test(`"${text}" → null with a reason`, () => {
      const found = parseDateLine(text);
      assert.ok(found !== null, 'the line is still recognised as a date line');
      assert.equal(found.iso, null);
      assert.equal(found.confidence, 0);
      assert.match(found.reason ?? '', /not guessed/);
    });
  }
});

describe('ambiguous readings are kept but carry a reason', () => {
  test('a day-first numeric date that could be month-first', () => {
    const found = parseDateLine('05/06/2002');
    assert.equal(found?.iso, '2002-06-05');
    assert.equal(found?.confidence, 0.7);
    assert.match(found?.reason ?? '', /2002-05-06/);
  });
  test('a numeric date that can only be month-first', () => {
    const found = parseDateLine('05/28/2002');
    assert.equal(found?.iso, '2002-05-28');
    assert.ok((found?.confidence ?? 1) < 1);
  });
  test('a two-digit year', () => {
    const found = parseDateLine('22-Nov-02');
    assert.equal(found?.iso, '2002-11-22');
    assert.match(found?.reason ?? '', /two-digit year/);
  });
});

describe('findDates', () => {
  test('finds the date inside an "Updated:" line, with its offset', () => {
    const [found] = findDates('Last updated: 03-Oct-2003 NATO Speeches');
    assert.equal(found?.iso, '2003-10-03');
    assert.equal(found?.text, '03-Oct-2003');
    assert.equal(found?.index, 14);
  });
  test('prefers the longest reading at a position (a range, not its first day)', () => {
    const dates = findDates('Ministers met on 2-3 Oct 2003 in Brussels.');
    assert.deepEqual(
      dates.map((d) => d.iso),
      ['2003-10-02/2003-10-03'],
    );
  });
  test('finds several dates in order', () => {
    const dates = findDates('From 9 Dec 2002 until 14 March 2003, then again in May 2004.');
    assert.deepEqual(
      dates.map((d) => d.iso),
      ['2002-12-09', '2003-03-14', '2004-05'],
    );
  });
  test('does not read references, section numbers or words as dates', () => {
    assert.deepEqual(findDates('Press Release (2002)128, SG/SM/8454, section 1.2.34'), []);
    assert.deepEqual(findDates('We may march on.'), []);
    assert.deepEqual(findDates('the Mayor of 2002 Street'), []);
  });
});

describe('parseDateLine refuses lines that are more than a date', () => {
  for (const text of [
    'Warsaw, 25 Sept. 2002',
    'Updated: 25-Sep-2002',
    'Meeting of 9 Dec 2002 and 10 Dec 2002',
    'In 2002 we met',
    '',
  ]) {
    test(JSON.stringify(text), () => assert.equal(parseDateLine(text), null));
  }
});
