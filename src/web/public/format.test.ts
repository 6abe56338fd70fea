import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  absoluteUrl,
  bySpeaker,
  formatPlace,
  formatRecordDate,
  languageName,
  nativeLanguageName,
  paths,
} from './format.ts';
import { pageWindow, withPage } from './components.ts';

test('dates are written in words, at the precision they are known', () => {
  assert.equal(formatRecordDate('2002-09-25'), '25 September 2002');
  assert.equal(formatRecordDate('2002-10'), 'October 2002');
  assert.equal(formatRecordDate('2002'), '2002');
  assert.equal(formatRecordDate('2003-10-02/2003-10-03'), '2–3 October 2003');
  assert.equal(formatRecordDate('2003-09-30/2003-10-02'), '30 September – 2 October 2003');
  assert.equal(formatRecordDate('2002-12-30/2003-01-02'), '30 December 2002 – 2 January 2003');
  assert.equal(formatRecordDate('2002-10-01/2002-10-01'), '1 October 2002');
  assert.equal(formatRecordDate(null), '');
  assert.equal(formatRecordDate('early October 2002'), 'early October 2002', 'unreadable dates are shown as written');
  assert.equal(formatRecordDate('2002-13'), '2002-13');
});

test('places, speakers and languages', () => {
  assert.equal(formatPlace({ city: 'Warsaw', country: 'Poland' }), 'Warsaw, Poland');
  assert.equal(formatPlace({ city: null, country: 'Poland' }), 'Poland');
  assert.equal(formatPlace(null), '');
  assert.equal(bySpeaker('NATO Secretary General'), 'by the NATO Secretary General');
  assert.equal(bySpeaker('Lord Robertson'), 'by Lord Robertson');
  assert.equal(bySpeaker('the Chairman'), 'by the Chairman');
  assert.equal(languageName('fr'), 'French');
  assert.equal(nativeLanguageName('fr'), 'Français');
  assert.equal(nativeLanguageName('ru'), 'Русский');
  assert.equal(languageName('not a code'), 'not a code');
});

test('paths are stable and readable; absolute URLs join cleanly', () => {
  assert.equal(paths.item('2002-09-25-press-statement'), '/record/2002-09-25-press-statement');
  assert.equal(paths.month(2002, 9), '/record/2002/09');
  assert.equal(paths.kind('press-statement'), '/record/kind/press-statement');
  assert.equal(absoluteUrl('https://record.example.org/', '/feed.atom'), 'https://record.example.org/feed.atom');
  assert.equal(withPage('/record', 1), '/record');
  assert.equal(withPage('/record', 3), '/record?page=3');
  assert.equal(withPage('/search?q=x', 2), '/search?q=x&page=2');
});

test('pagination shows the ends and the neighbourhood of the current page', () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(1, 4), [1, 2, 3, 4]);
  assert.deepEqual(pageWindow(10, 20), [1, null, 8, 9, 10, 11, 12, null, 20]);
  assert.deepEqual(pageWindow(20, 20), [1, null, 18, 19, 20]);
});
