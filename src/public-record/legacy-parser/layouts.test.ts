// The pieces added for reading many archive layouts: Cyrillic single-byte encodings, document
// symbols, venues and US qualifiers in place lines, kinds in three languages, dates without a year,
// banners, speakers by office, and the fields a page gives after its text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeContent } from './decode.ts';
import { findDates, parseDateLine } from './dates.ts';
import { parseReferenceLine, findReference } from './fields.ts';
import { isBanner } from './header.ts';
import { matchKind } from './kinds.ts';
import { parsePlace } from './places.ts';
import { chromeStrength, findContactFooter } from './chrome.ts';
import { parseLegacyPage } from './index.ts';

// A tiny single-byte encoder for the tests: the inverse of TextDecoder's table.
function encode(text: string, encoding: string): Uint8Array {
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(new TextDecoder(encoding).decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

const RUSSIAN =
  'Министр иностранных дел встретился сегодня с послами и обсудил с ними вопросы сотрудничества в регионе.';

describe('Cyrillic pages without a declared charset', () => {
  for (const encoding of ['windows-1251', 'koi8-r']) {
    test(`${encoding} bytes are read as ${encoding} and flagged`, () => {
      const r = decodeContent(encode(RUSSIAN, encoding), 'page.txt', undefined);
      assert.ok(r.ok);
      assert.equal(r.text, RUSSIAN);
      assert.equal(r.flags[0]?.confidence, 0.8);
      assert.match(r.flags[0]?.reason ?? '', encoding === 'koi8-r' ? /KOI8-R/ : /Windows-1251/);
    });
  }
  test('French Latin-1 bytes are still read as Windows-1252', () => {
    const r = decodeContent(
      Uint8Array.from([...'Le ministre a déclaré à la presse'].map((c) => c.charCodeAt(0))),
      'page.txt',
      undefined,
    );
    assert.ok(r.ok);
    assert.equal(r.text, 'Le ministre a déclaré à la presse');
    assert.match(r.flags[0]?.reason ?? '', /Windows-1252/);
  });
});

describe('document symbols', () => {
  test('of the UN, OSCE, Council of Europe, EU Council, State Department and Russian MFA', () => {
    assert.equal(parseReferenceLine('SG/SM/8971-OBV/371'), 'SG/SM/8971');
    assert.equal(parseReferenceLine('PC.DEL/412/03'), 'PC.DEL/412/03');
    assert.equal(parseReferenceLine('Ref. 187(2000)'), '187(2000)');
    assert.equal(parseReferenceLine('15342/04 (Presse 329)'), '15342/04');
    assert.equal(parseReferenceLine('2003/212'), '2003/212');
    assert.equal(parseReferenceLine('1412-11-07-2002'), '1412-11-07-2002');
    assert.equal(parseReferenceLine('M-NAC-2(2003)152'), 'M-NAC-2(2003)152');
  });
  test('numbers that are references only on a line of their own are not found in prose', () => {
    assert.equal(findReference('in 2003/212 cases'), null);
  });
});

describe('place lines', () => {
  test('a venue before a known city', () => {
    assert.deepEqual(parsePlace('NATO HQ, Brussels', 'en')?.place, { city: 'Brussels', country: 'Belgium' });
    assert.deepEqual(parsePlace('House of Lords, London', 'en')?.place, { city: 'London', country: 'United Kingdom' });
  });
  test('a US district after a city', () => {
    assert.deepEqual(parsePlace('Washington, DC', 'en'), {
      place: { city: 'Washington', country: 'United States' },
      confidence: 1,
      reason: null,
    });
  });
  test('a city that shares its country name', () => {
    assert.deepEqual(parsePlace('Luxembourg', 'en')?.place, { city: 'Luxembourg', country: 'Luxembourg' });
  });
  test('in parentheses', () => {
    assert.deepEqual(parsePlace('(Paris', 'fr')?.place, { city: 'Paris', country: 'France' });
  });
});

describe('kinds in three languages', () => {
  const cases: Array<[string, string]> = [
    ['Communiqué conjoint', 'Joint Statement'],
    ['СООБЩЕНИЕ ДЛЯ ПЕЧАТИ', 'Press Release'],
    ['Déclaration du président', "Chairman's Statement"],
    ['Daily Press Briefing', 'Press Briefing'],
    ['Summary of remarks', 'Remarks'],
    ['Content type: Press release', 'Press Release'],
    ['Written Ministerial Statement', 'Statement'],
    ['КОММЕНТАРИЙ', 'Comment'],
    ['Стенограмма ответов Министра', 'Transcript'],
    ['Keynote address', 'Speech'],
  ];
  for (const [line, kind] of cases) test(line, () => assert.equal(matchKind(line)?.kind, kind));
});

describe('dates', () => {
  test('a labelled date line', () => {
    assert.equal(parseDateLine('Publishing date: 3 March 2002')?.iso, '2002-03-03');
    assert.equal(parseDateLine('Опубликовано 26-09-2003')?.iso, '2003-09-26');
  });
  test('a range across months with an en dash and the Russian year word', () => {
    assert.equal(findDates('30 мая – 1 июня 2005 года')[0]?.iso, '2005-05-30/2005-06-01');
  });
  test('a day and month without a year is found but is no date', () => {
    const d = findDates('30 May – 1 June')[0];
    assert.equal(d?.iso, null);
    assert.match(d?.reason ?? '', /no year is written/);
  });
});

describe('banners and chrome', () => {
  test('organisation banners', () => {
    assert.equal(isBanner('COUNCIL OF THE EUROPEAN UNION'), true);
    assert.equal(isBanner('Organization for Security and Co-operation in Europe'), true);
    assert.equal(isBanner('Council appoints new Director of the Civil Emergency Planning Directorate'), false);
    assert.equal(isBanner('Council Statement on the Flood Relief Operation'), false);
  });
  test('breadcrumbs, the UN media notice, [End]', () => {
    assert.equal(chromeStrength('FCO Home > News > Speeches'), 'nav');
    assert.equal(chromeStrength('For information media - not an official record'), 'nav');
    assert.equal(chromeStrength('[End]'), 'nav');
    assert.equal(chromeStrength('Back to Press Statements'), 'edge');
  });
  test('a closing contact block without an opening phrase', () => {
    const lines = [
      'Thank you.',
      '',
      'Council of Europe Press Service',
      'F-67075 Strasbourg Cedex',
      'Tel: +33 3 88 41 25 60',
    ];
    assert.equal(findContactFooter(lines), 2);
  });
});

describe('whole pages', () => {
  test('place, date, kind and speaker in the order of the issue', () => {
    const r = parseLegacyPage({
      source: 'x.txt',
      content:
        'NATO HQ, Brussels\n\n11 Oct. 2002\n\nOpening Remarks\n\nby the NATO Secretary General\n\nAmbassadors,\n\nWelcome to this meeting of the Council, which has a long agenda before it today.',
    });
    assert.deepEqual(
      [r.date, r.place, r.kind, r.speaker],
      ['2002-10-11', { city: 'Brussels', country: 'Belgium' }, 'Opening Remarks', 'the NATO Secretary General'],
    );
  });
  test('a yearless range takes the year of the updated date, flagged', () => {
    const r = parseLegacyPage({
      source: 'x.txt',
      content:
        'Updated: 02-Jun-2003 NATO Speeches\n\nMadrid, Spain\n\n30 May – 1 June\n\nSpeech\n\nby the Secretary General\n\nThe meeting opened today with a long discussion of the many things that matter.',
    });
    assert.equal(r.date, '2003-05-30/2003-06-01');
    assert.ok(r.flags.some((f) => f.field === 'date' && f.confidence === 0.6));
  });
  test('a closing date line fills the date and leaves the body', () => {
    const r = parseLegacyPage({
      source: 'x.txt',
      content:
        'СООБЩЕНИЕ ДЛЯ ПЕЧАТИ\n\nО встрече министров\n\nМинистры встретились сегодня и обсудили вопросы сотрудничества в регионе.\n\n11 июля 2002 года',
    });
    assert.equal(r.date, '2002-07-11');
    assert.equal(r.title, 'О встрече министров');
    assert.ok(!r.body.includes('2002'));
  });
  test('a State Department header: kind, speaker, place, date, then the headline', () => {
    const r = parseLegacyPage({
      source: 'x.txt',
      content:
        'Press Statement\nRichard Boucher, Spokesman\nWashington, DC\nMay 16, 2002\n\nElections in the Region\n\nThe United States congratulates the people of the region on the peaceful conduct of the elections.\n\n[End]',
    });
    assert.deepEqual(
      [r.kind, r.speaker, r.title, r.date],
      ['Press Statement', 'Richard Boucher, Spokesman', 'Elections in the Region', '2002-05-16'],
    );
    assert.ok(!r.body.includes('[End]'));
  });
});
