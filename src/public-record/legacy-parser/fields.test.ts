import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  afterSpeakerPreposition,
  afterWith,
  findReference,
  isCollectionLine,
  parseReferenceLine,
  parseUpdatedLine,
  splitSpeakerOccasion,
} from './fields.ts';
import { findKindIn, matchKind } from './kinds.ts';
import { parsePlace } from './places.ts';

describe('references', () => {
  const lines: ReadonlyArray<readonly [string, string]> = [
    ['(2002)128', '(2002)128'],
    ['SG/SM/8454', 'SG/SM/8454'],
    ['Ref: SG/SM/8454', 'SG/SM/8454'],
    ['M-NAC-2(2003)112', 'M-NAC-2(2003)112'],
    ['PR/CP(2002)128', 'PR/CP(2002)128'],
    ['(2002) 128', '(2002)128'],
  ];
  for (const [line, reference] of lines)
    test(`"${line}" → ${reference}`, () => assert.equal(parseReferenceLine(line), reference));
  test('a reference inside a kind line is found with its position', () => {
    assert.deepEqual(findReference('Press Release (2002)128'), { reference: '(2002)128', index: 14, length: 9 });
  });
  test('dates and prose are not references', () => {
    for (const line of ['25/09/2002', '2002', 'The Council met in 2002.', 'Press Release'])
      assert.equal(parseReferenceLine(line), null);
  });
});

describe('"Updated:" lines', () => {
  test('give the date and the collection', () => {
    const u = parseUpdatedLine('Updated: 25-Sep-2002 NATO Speeches');
    assert.equal(u?.date?.iso, '2002-09-25');
    assert.equal(u?.collection, 'NATO Speeches');
  });
  test('in every form', () => {
    assert.equal(parseUpdatedLine('Last updated: 03-Oct-2003')?.date?.iso, '2003-10-03');
    assert.equal(parseUpdatedLine('Mise à jour: 22-Nov-2002')?.date?.iso, '2002-11-22');
    assert.equal(parseUpdatedLine('Обновлено: 28 мая 2002 года')?.date?.iso, '2002-05-28');
  });
  test('an impossible date is reported through the reading', () => {
    const u = parseUpdatedLine('Updated: 31-Feb-2002');
    assert.equal(u?.date?.iso, null);
    assert.match(u?.date?.reason ?? '', /not a calendar date/);
  });
  test('a label alone is left for the reader to join with the next line', () => {
    assert.equal(parseUpdatedLine('Updated:'), null);
    assert.equal(parseUpdatedLine('The text was updated last year.'), null);
  });
});

test('collection lines', () => {
  assert.ok(isCollectionLine('NATO Speeches'));
  assert.ok(isCollectionLine('Communiqués de presse'));
  assert.ok(!isCollectionLine('Speech'));
});

describe('speaker and occasion', () => {
  test('split at the occasion phrase', () => {
    assert.deepEqual(splitSpeakerOccasion('NATO Secretary General following the meeting of NATO Defence Ministers'), {
      speaker: 'NATO Secretary General',
      occasion: 'following the meeting of NATO Defence Ministers',
    });
    assert.deepEqual(splitSpeakerOccasion('Lord Robertson, Secretary General of NATO, at the Munich Conference'), {
      speaker: 'Lord Robertson, Secretary General of NATO',
      occasion: 'at the Munich Conference',
    });
    assert.deepEqual(splitSpeakerOccasion('Secrétaire général lors de la réunion'), {
      speaker: 'Secrétaire général',
      occasion: 'lors de la réunion',
    });
    assert.deepEqual(splitSpeakerOccasion('the Permanent Representative of Russia to NATO'), {
      speaker: 'the Permanent Representative of Russia to NATO',
      occasion: null,
    });
  });
  test('speaker prepositions in several languages', () => {
    assert.equal(afterSpeakerPreposition('by NATO Secretary General'), 'NATO Secretary General');
    assert.equal(afterSpeakerPreposition('du Secrétaire général'), 'Secrétaire général');
    assert.equal(afterSpeakerPreposition('de M. Robertson'), 'M. Robertson');
    assert.equal(afterSpeakerPreposition('des Generalsekretärs'), 'Generalsekretärs');
    assert.equal(afterSpeakerPreposition('following the meeting'), null);
    assert.equal(afterWith('with the Secretary General', 'Interview'), 'the Secretary General');
    assert.equal(afterWith('with the Secretary General', 'Speech'), null);
  });
});

describe('kinds', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['Press Statement', 'Press Statement', ''],
    ['Press Release (2002)128', 'Press Release', '(2002)128'],
    ['Speech by Lord Robertson', 'Speech', 'by Lord Robertson'],
    ['Final Communiqué', 'Final Communiqué', ''],
    ["Chairman's Statement", "Chairman's Statement", ''],
    ['Opening Remarks', 'Opening Remarks', ''],
    ['Questions and Answers', 'Questions and Answers', ''],
    ['Déclaration du Secrétaire général', 'Statement', 'du Secrétaire général'],
    ['Déclaration de Prague', 'Declaration', 'de Prague'],
    ['Communiqué de presse', 'Press Release', ''],
    ['Заявление Генерального секретаря', 'Statement', 'Генерального секретаря'],
    ['Transcript', 'Transcript', ''],
  ];
  for (const [line, kind, rest] of cases) {
    test(`"${line}" → ${kind}`, () => {
      const m = matchKind(line);
      assert.equal(m?.kind, kind);
      assert.equal(m?.rest, rest);
    });
  }
  test('a kind word inside another word or sentence start is not a kind line', () => {
    assert.equal(matchKind('Statements were made'), null);
    assert.equal(matchKind('The speech was long'), null);
  });
  test('a kind named inside a title', () => {
    assert.equal(findKindIn('Council Statement on the Flood Relief Operation'), 'Statement');
    assert.equal(findKindIn('Council meets in Warsaw'), null);
  });
});

describe('places', () => {
  test('"City, Country" is read as written', () => {
    assert.deepEqual(parsePlace('Warsaw, Poland', 'en'), {
      place: { city: 'Warsaw', country: 'Poland' },
      confidence: 1,
      reason: null,
    });
    assert.deepEqual(parsePlace('Prague, République tchèque', 'fr')?.place, {
      city: 'Prague',
      country: 'République tchèque',
    });
    assert.deepEqual(parsePlace('Рим, Италия', 'ru')?.place, { city: 'Рим', country: 'Италия' });
    assert.deepEqual(parsePlace('Zakopane, Poland', 'en')?.place, { city: 'Zakopane', country: 'Poland' });
  });
  test('a known city alone gets its country inferred, in the page language, and flagged', () => {
    const r = parsePlace('Varsovie', 'fr');
    assert.deepEqual(r?.place, { city: 'Varsovie', country: 'Pologne' });
    assert.equal(r?.confidence, 0.7);
    assert.match(r?.reason ?? '', /inferred/);
  });
  test('a dateline in capitals gets the usual spelling', () => {
    assert.deepEqual(parsePlace('BRUSSELS', 'en')?.place, { city: 'Brussels', country: 'Belgium' });
  });
  test('an unknown town is a place only in a dateline, and then flagged', () => {
    assert.equal(parsePlace('Zakopane', 'en'), null);
    assert.equal(parsePlace('Zakopane', 'en', true)?.confidence, 0.5);
  });
  test('a city the gazetteer places elsewhere is flagged', () => {
    assert.equal(parsePlace('Warsaw, Belgium', 'en')?.confidence, 0.6);
  });
  test('prose, dates and kinds are not places', () => {
    for (const text of [
      'Good morning.',
      'Press Statement',
      '25 Sept. 2002',
      'Thank you Warsaw.',
      'Ministers, Ladies and Gentlemen',
    ]) {
      assert.equal(parsePlace(text, 'en'), null, text);
    }
  });
});
