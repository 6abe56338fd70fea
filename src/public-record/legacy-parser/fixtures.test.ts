// One test per fixture page: the fields a reviewer would expect, what is flagged, what is dropped.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLegacyPage, type ItemStatus, type ParseResult, type Place } from './index.ts';

// The fixtures are read as bytes, as the importer reads archive files.
const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/legacy/${name}`, import.meta.url)));

interface Expected {
  status?: ItemStatus;
  kind?: string | null;
  title?: string | null;
  date?: string | null;
  updated?: string | null;
  collection?: string | null;
  place?: Place | null;
  speaker?: string | null;
  occasion?: string | null;
  reference?: string | null;
  language?: string | null;
  bodyStarts?: string;
  bodyEnds?: string;
  /** Exactly the fields that carry a flag. */
  flagged?: string[];
  /** A pattern each listed field's flag reason must match. */
  reasons?: Record<string, RegExp>;
  dropped?: string[];
  error?: RegExp;
}

const FIELDS = [
  'status',
  'kind',
  'title',
  'date',
  'updated',
  'collection',
  'place',
  'speaker',
  'occasion',
  'reference',
  'language',
] as const;

const FIXTURES: Record<string, Expected> = {
  'chairmans-statement-2003-10-02.txt': {
    status: 'document',
    kind: "Chairman's Statement",
    title: "Chairman's Statement at the informal meeting of the Council's defence ministers",
    date: '2003-10-02/2003-10-03',
    updated: '2003-10-03',
    collection: 'NATO Speeches',
    place: { city: 'Brussels', country: 'Belgium' },
    speaker: null,
    occasion: "at the informal meeting of the Council's defence ministers",
    reference: null,
    language: 'en',
    bodyStarts: 'The ministers met for two days',
    bodyEnds: 'for their work.',
    flagged: [],
    dropped: ['Header', 'Go to Homepage Go to Index'],
  },
  'chairmans-statement-2003-10-02.html': {
    status: 'document',
    kind: "Chairman's Statement",
    title: "Chairman's Statement at the informal meeting of the Council's defence ministers",
    date: '2003-10-02/2003-10-03',
    updated: '2003-10-03',
    collection: 'NATO Speeches',
    place: { city: 'Brussels', country: 'Belgium' },
    speaker: null,
    occasion: "at the informal meeting of the Council's defence ministers",
    reference: null,
    language: 'en',
    bodyStarts: 'The ministers met for two days',
    bodyEnds: 'for their work.',
    flagged: [],
    dropped: ['Header', 'Home', 'Speeches', 'Press Releases', 'Search', 'Go to Homepage Go to Index'],
  },
  'html-layout-table-sidebars.html': {
    status: 'document',
    kind: 'Speech',
    title:
      'Speech by the Deputy Secretary General at the seminar on civil emergency planning in the Euro-Atlantic area',
    date: '2002-12-09',
    updated: '2002-12-10',
    collection: 'NATO Speeches',
    place: { city: 'Vienna', country: 'Austria' },
    speaker: 'the Deputy Secretary General',
    occasion: 'at the seminar on civil emergency planning in the Euro-Atlantic area',
    reference: null,
    language: 'en',
    bodyStarts: 'Mr Chairman,\n\nLadies and Gentlemen,\n\nCivil emergency planning',
    bodyEnds: 'Thank you.',
    flagged: [],
    dropped: [
      'Council Online Library',
      'Home | Issues | Official texts | Search',
      'Older speeches',
      'Related documents',
      '© Council Online Library 2002 - Disclaimer | Contact us',
    ],
  },
  'html5-article-nav-aside-footer.html': {
    status: 'document',
    kind: 'Speech',
    title: 'Keeping the partnership practical',
    date: '2004-05-14',
    updated: null,
    collection: null,
    place: { city: 'Sofia', country: 'Bulgaria' },
    speaker: 'the Deputy Secretary General',
    occasion: 'at the Partnership Forum',
    reference: null,
    language: 'en',
    bodyStarts: 'Partnership is sometimes described',
    bodyEnds: 'Thank you.',
    flagged: [],
    dropped: [
      'Skip to content',
      'Home Speeches Press Search',
      'Partnership review 2003',
      'Speech archived by the Press and Media Service.',
      'Privacy | Contact us',
    ],
  },
  'fr-declaration-secretaire-general-2002-11-22.txt': {
    status: 'document',
    kind: 'Statement',
    title: "Déclaration du Secrétaire général à l'issue de la réunion du Conseil OTAN-Russie au niveau des ministres",
    date: '2002-11-22',
    updated: '2002-11-22',
    collection: "Discours de l'OTAN",
    place: { city: 'Prague', country: 'République tchèque' },
    speaker: 'Secrétaire général',
    occasion: "à l'issue de la réunion du Conseil OTAN-Russie au niveau des ministres",
    reference: null,
    language: 'fr',
    bodyStarts: 'Mesdames et Messieurs,\n\nLes ministres',
    bodyEnds: 'Je vous remercie.',
    flagged: [],
    dropped: ["Retour à la page d'accueil"],
  },
  'ru-zayavlenie-generalnogo-sekretarya-2002-05-28.txt': {
    status: 'document',
    kind: 'Statement',
    title: 'Заявление Генерального секретаря НАТО по итогам заседания Совета на высшем уровне',
    date: '2002-05-28',
    updated: null,
    collection: null,
    place: { city: 'Рим', country: 'Италия' },
    speaker: 'Генерального секретаря НАТО',
    occasion: 'по итогам заседания Совета на высшем уровне',
    reference: null,
    language: 'ru',
    bodyStarts: 'Сегодня главы государств',
    bodyEnds: 'большое достижение.',
    flagged: ['speaker'],
    reasons: { speaker: /genitive/ },
    dropped: ['На главную'],
  },
  'de-erklaerung-des-generalsekretaers-2003.txt': {
    status: 'document',
    kind: 'Statement',
    title: 'Erklärung des Generalsekretärs zum Abschluss der Konsultationen',
    date: '2003-01-15',
    place: { city: 'Berlin', country: 'Deutschland' },
    speaker: 'Generalsekretärs',
    occasion: 'zum Abschluss der Konsultationen',
    language: 'de',
    bodyStarts: 'Die Konsultationen',
    bodyEnds: 'Bericht vorlegen.',
    flagged: [],
    dropped: [],
  },
  'hard-wrapped-no-blank-lines.txt': {
    status: 'document',
    kind: 'Opening Remarks',
    title:
      'Opening Remarks by the Chairman of the Senior Political Committee at the seminar on regional cooperation in South-Eastern Europe',
    date: '2002-12-09',
    updated: '2002-12-10',
    collection: 'NATO Speeches',
    place: { city: 'Brussels', country: 'Belgium' },
    speaker: 'the Chairman of the Senior Political Committee',
    occasion: 'at the seminar on regional cooperation in South-Eastern Europe',
    language: 'en',
    flagged: [],
    dropped: [],
    bodyStarts:
      'Ladies and Gentlemen,\n\nIt is a pleasure to open this seminar, the third of its kind, and to welcome so many participants from the region. When we first met, few believed that neighbours who had so recently been at war would sit at the same table to plan joint exercises.\n\nToday that is no longer remarkable.',
    bodyEnds: 'general declarations.\n\nI wish you a productive seminar.',
  },
  'header-fields-broken-across-lines.txt': {
    status: 'document',
    kind: 'Press Release',
    title: 'Statement by the Secretary General of the Council on the conclusion of the summit preparations',
    date: '2002-11-25',
    updated: '2002-11-26',
    collection: 'NATO Press Releases',
    place: { city: 'Brussels', country: 'Belgium' },
    speaker: 'the Secretary General of the Council',
    occasion: 'on the conclusion of the summit preparations',
    reference: '(2002)128',
    language: 'en',
    bodyStarts: 'The Secretary General welcomed',
    bodyEnds: 'level of ministers.',
    flagged: [],
    dropped: ['Header', 'Go to Homepage Go to Index'],
  },
  'press-office-contact-footer.txt': {
    status: 'document',
    kind: 'Press Release',
    title: 'Council appoints new Director of the Civil Emergency Planning Directorate',
    date: '2003-03-14',
    updated: '2003-03-14',
    collection: 'NATO Press Releases',
    place: { city: 'Brussels', country: 'Belgium' },
    speaker: null,
    occasion: null,
    reference: '(2003)031',
    language: 'en',
    bodyStarts: 'The Council today appointed',
    bodyEnds: 'eleven times last year.',
    flagged: [],
    dropped: [
      'Header',
      'For further information: Press Office, tel. +32 2 707 50 41, fax +32 2 707 10 10',
      'Press & Media Service',
      'Council Headquarters, B-1110 Brussels',
      'E-mail: press@council.example',
      'Go to Homepage Go to Index',
    ],
  },
  'no-date-no-place.txt': {
    status: 'document',
    kind: 'Statement',
    title: 'Statement by the Spokesman',
    date: null,
    place: null,
    speaker: 'the Spokesman',
    language: 'en',
    bodyStarts: 'The Spokesman confirmed',
    bodyEnds: 'express its views.',
    flagged: ['date', 'place'],
    reasons: { date: /^no date found; not guessed$/, place: /^no place found; not guessed$/ },
  },
  'invalid-date-31-feb-2002.txt': {
    status: 'document',
    kind: 'Press Release',
    title: 'Council meets with the Partnership Coordination Cell',
    date: null,
    updated: '2002-03-01',
    place: { city: 'Brussels', country: 'Belgium' },
    flagged: ['date'],
    reasons: { date: /"31 Feb 2002" is not a calendar date; not guessed \(the page was updated 2002-03-01/ },
  },
  'month-only-date-october-2003.txt': {
    status: 'document',
    kind: 'Interview',
    title: 'Interview with the Secretary General',
    date: '2003-10',
    place: null,
    speaker: 'the Secretary General',
    bodyStarts: 'Q: Secretary General, how do you see the coming year?\n\nA: It will be',
    bodyEnds: 'A: They will be closely involved. Nothing we are planning can succeed without them.',
    flagged: ['place'],
  },
  'opening-remarks-8-dec-2005.txt': {
    status: 'document',
    kind: 'Opening Remarks',
    date: '2005-12-08',
    updated: '2005-12-08',
    speaker: 'the Secretary General',
    occasion: 'at the meeting of the Council with the Foreign Ministers of the partner countries',
    bodyStarts: 'Ministers,\n\nWelcome to Brussels.',
    bodyEnds: 'our first speaker.',
    flagged: [],
  },
  'press-conference-bom-crlf-28-05-2002.txt': {
    status: 'document',
    kind: 'Press Conference',
    title: 'Press Conference by the Secretary General and the Foreign Minister of the host country',
    date: '2002-05-28',
    updated: '2002-05-29',
    place: { city: 'Rome', country: 'Italy' },
    speaker: 'the Secretary General and the Foreign Minister of the host country',
    language: 'en',
    bodyStarts: 'Q: Secretary General, what will change from tomorrow?\n\nA: The format changes',
    bodyEnds: 'A: A small preparatory committee will support it. We do not intend to build a new bureaucracy.',
    flagged: [],
    dropped: ['Header', 'Go to Homepage Go to Index'],
  },
  'un-style-press-release-sg-sm-8454.txt': {
    status: 'document',
    kind: 'Press Release',
    title: 'SECRETARY-GENERAL CALLS FOR RESTRAINT IN BORDER DISPUTE',
    date: '2002-12-12',
    place: { city: 'Geneva', country: 'Switzerland' },
    reference: 'SG/SM/8454',
    bodyStarts: 'GENEVA, 12 December 2002 -- The Secretary-General today',
    bodyEnds: 'at short notice.',
    flagged: ['date', 'place'],
    reasons: { date: /dateline/, place: /dateline.*inferred/ },
    dropped: ['* *** *'],
  },
  'kind-inferred-from-title.txt': {
    status: 'document',
    kind: 'Statement',
    title: 'Council Statement on the Flood Relief Operation',
    date: '2002-09-09',
    place: null,
    bodyStarts: 'The Council expresses',
    flagged: ['kind', 'place'],
    reasons: { kind: /inferred from the title/ },
  },
  'place-city-only-country-inferred.txt': {
    status: 'document',
    kind: 'Statement',
    date: '1997-07-08',
    place: { city: 'Madrid', country: 'Spain' },
    speaker: 'the Spokesman',
    occasion: 'on the opening of the summit',
    flagged: ['place'],
    reasons: { place: /country "Spain" inferred from the city name "Madrid"/ },
  },
  'mojibake-utf8-read-as-latin1.txt': {
    status: 'document',
    kind: 'Speech',
    date: '2003-03-14',
    place: { city: 'Geneva', country: 'Switzerland' },
    speaker: 'the Deputy Secretary General',
    bodyStarts: 'Mr President, Excellencies,\n\nLet me first thank our hosts in GenÃ¨ve',
    flagged: ['body'],
    reasons: { body: /mis-encoded characters kept as found: "Ã¨", "Ã§", "â€™" \(3 in all\)/ },
  },
  'replacement-characters-u-fffd.txt': {
    status: 'document',
    kind: 'Press Release',
    reference: '(2003)044',
    title: 'Council welcomes the agreement on the reconstruction conference',
    bodyStarts: 'The Council welcomed',
    flagged: ['body'],
    reasons: { body: /2 replacement character\(s\)/ },
  },
  'latin1-bytes-not-utf8.txt': {
    status: 'document',
    kind: 'Speech',
    title: "Discours du Secrétaire général devant l'Assemblée de l'Atlantique Nord",
    date: '2003-02-04',
    updated: '2003-02-05',
    collection: "Discours de l'OTAN",
    place: { city: 'Varsovie', country: 'Pologne' },
    speaker: 'Secrétaire général',
    occasion: "devant l'Assemblée de l'Atlantique Nord",
    language: 'fr',
    bodyStarts: 'Monsieur le Président,\n\nJe suis très heureux',
    flagged: ['body', 'place'],
    reasons: { body: /not valid UTF-8.*Windows-1252/, place: /inferred/ },
  },
  'html-charset-windows-1252.html': {
    status: 'document',
    kind: 'Press Release',
    title: 'Communiqué de presse',
    date: '2003-06-18',
    updated: '2003-06-19',
    place: { city: 'Bruxelles', country: 'Belgique' },
    reference: '(2003)071',
    language: 'fr',
    bodyStarts: 'Le Conseil a approuvé aujourd’hui le plan de travail du groupe d’experts',
    flagged: [],
    dropped: ["Retour à la page d'accueil"],
  },
  'index-listing-speeches-2002.html': {
    status: 'not_a_document',
    kind: null,
    title: 'Speeches 2002',
    date: null,
    updated: '2002-12-10',
    place: null,
    bodyStarts: 'Speeches - 2002\n\n9 Dec 2002\n\nSpeech by the Deputy Secretary General',
    flagged: ['status'],
    reasons: { status: /index or listing page/ },
    dropped: ['Home', 'Press', 'Search'],
  },
  'index-listing-press-releases.txt': {
    status: 'not_a_document',
    kind: null,
    date: null,
    updated: '2002-11-26',
    collection: 'NATO Press Releases',
    bodyStarts: 'Press Releases - November 2002\n\n26 Nov. 2002 (2002)130 - Council approves the budget for 2003',
    flagged: ['status'],
    reasons: { status: /index or listing page/ },
    dropped: ['Header', 'Go to Homepage Go to Index'],
  },
  'navigation-only.html': {
    status: 'not_a_document',
    kind: null,
    title: 'Council Online Library',
    flagged: ['status'],
    reasons: { status: /only navigation/ },
    dropped: [
      'Home',
      'Speeches',
      'Press Releases',
      'Communiqués',
      'Search',
      'Go to Homepage Go to Index',
      '© Council Online Library',
    ],
  },
  'binary-image.gif': { status: 'error', error: /^binary-image\.gif: this is not a text page but a GIF image/ },
  'empty.txt': { status: 'error', error: /^empty\.txt: the file is empty \(0 bytes\)/ },
  'whitespace-only.txt': { status: 'error', error: /the file is empty \(only whitespace\)/ },
};

function check(name: string, result: ParseResult, expected: Expected): void {
  for (const field of FIELDS) {
    if (field in expected) assert.deepEqual(result[field], expected[field], `${name}: ${field}`);
  }
  if (expected.bodyStarts !== undefined)
    assert.ok(
      result.body.startsWith(expected.bodyStarts),
      `${name}: body starts ${JSON.stringify(result.body.slice(0, 120))}`,
    );
  if (expected.bodyEnds !== undefined)
    assert.ok(result.body.endsWith(expected.bodyEnds), `${name}: body ends ${JSON.stringify(result.body.slice(-120))}`);
  if (expected.flagged !== undefined) {
    assert.deepEqual(
      [...new Set(result.flags.map((f) => f.field))].sort(),
      [...expected.flagged].sort(),
      `${name}: flagged fields`,
    );
  }
  for (const [field, pattern] of Object.entries(expected.reasons ?? {})) {
    assert.ok(
      result.flags.some((f) => f.field === field && pattern.test(f.reason)),
      `${name}: a ${field} flag matching ${pattern}`,
    );
  }
  for (const line of expected.dropped ?? []) {
    assert.ok(result.dropped.includes(line), `${name}: dropped ${JSON.stringify(line)}`);
    assert.ok(!result.body.split('\n\n').includes(line), `${name}: body still holds ${JSON.stringify(line)}`);
  }
  if (expected.dropped?.length === 0) assert.deepEqual(result.dropped, [], `${name}: nothing dropped`);
  if (expected.error !== undefined) assert.match(result.error ?? '', expected.error);
  else assert.equal(result.error, undefined);
  for (const flag of result.flags)
    assert.ok(
      flag.confidence >= 0 && flag.confidence < 1 && flag.reason !== '',
      `${name}: flag ${JSON.stringify(flag)}`,
    );
}

describe('fixture pages', () => {
  for (const [name, expected] of Object.entries(FIXTURES)) {
    test(name, () => check(name, parseLegacyPage({ source: name, content: fixtureBytes(name) }), expected));
  }
});

test('the same statement as .txt and as .html gives the same item', () => {
  const parse = (name: string) => {
    const { dropped: _dropped, ...item } = parseLegacyPage({ source: name, content: fixtureBytes(name) });
    return item;
  };
  assert.deepEqual(parse('chairmans-statement-2003-10-02.html'), parse('chairmans-statement-2003-10-02.txt'));
});
