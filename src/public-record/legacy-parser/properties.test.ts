// Properties the importer relies on, over generated inputs: the parser never throws, never loses
// body text, never lets chrome into the body, and always gives the same answer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentFingerprint, parseLegacyPage, type ParseResult } from './index.ts';

const RUNS = { numRuns: 200 };
const STATUSES = new Set(['document', 'not_a_document', 'error']);

function assertWellFormed(result: ParseResult): void {
  assert.ok(STATUSES.has(result.status), `status ${result.status}`);
  assert.equal(typeof result.body, 'string');
  assert.ok(Array.isArray(result.flags) && Array.isArray(result.dropped));
  for (const flag of result.flags) assert.ok(flag.confidence >= 0 && flag.confidence <= 1 && flag.reason.length > 0);
  if (result.status === 'error') assert.ok(typeof result.error === 'string' && result.error.length > 0);
  else assert.equal(result.error, undefined);
}

describe('the parser never throws and always answers with a valid status', () => {
  test('for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (content) => {
        assertWellFormed(parseLegacyPage({ source: 'fuzz.txt', content }));
      }),
      RUNS,
    );
  });
  test('for arbitrary bytes, under any name and limit', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('fuzz.txt', 'fuzz.html', 'fuzz', ''),
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        (content, source, maxBytes) => {
          assertWellFormed(parseLegacyPage({ source, content, maxBytes }));
        },
      ),
      RUNS,
    );
  });
  test('for strings that look like markup', () => {
    const piece = fc.constantFrom(
      '<p>',
      '</p>',
      '<br>',
      '<td>',
      '<table>',
      '<a href="x">',
      '</a>',
      '<nav>',
      '<script>',
      '&amp;',
      '&#0;',
      '<!--',
      'Updated: ',
      '25 Sept. 2002',
      'Press Statement',
      '\n',
      ' ',
      'by ',
      'Warsaw,',
      'text.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        assertWellFormed(parseLegacyPage({ source: 'fuzz.html', content: `<html>${pieces.join('')}` }));
      }),
      RUNS,
    );
  });
});

// Words chosen to tempt the header reader and the chrome filter: kinds, prepositions, months, towns.
const WORDS = [
  'the',
  'council',
  'ministers',
  'agreed',
  'by',
  'following',
  'at',
  'on',
  'of',
  'statement',
  'press',
  'release',
  'speech',
  'may',
  'march',
  'september',
  'home',
  'index',
  'top',
  'print',
  'search',
  'header',
  'warsaw',
  'poland',
  'brussels',
  'nato',
  'cooperation',
  'defence',
  'we',
  'will',
  'continue',
  'and',
  'to',
  'in',
  'with',
  'updated',
  'go',
  'back',
  'further',
  'information',
  'office',
  'shoulder-to-shoulder',
  'coopération',
  'déclaration',
  'заявление',
  'мира',
  'interview',
  'remarks',
  'NATO',
  'Warsaw',
  'Poland',
  'Russia',
  'Sergei',
  'Ivanov',
  'Brussels,',
  'Speech',
  'Statement',
  'By',
];

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 14 })
  .map((words) => words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ') + '.');
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));

// A header as archives wrote them: each field at most once, kind before speaker, place and date in either order.
const option = <T>(values: readonly T[]): fc.Arbitrary<T | null> =>
  fc.option(fc.constantFrom(...values), { nil: null });
const header: fc.Arbitrary<string[]> = fc
  .record({
    updated: option(['Updated: 25-Sep-2002 NATO Speeches', 'Last updated: 03-Oct-2003', 'Mise à jour: 22-Nov-2002']),
    place: option(['Warsaw,\nPoland', 'Brussels, Belgium', 'Рим, Италия', 'Madrid']),
    date: option(['25 Sept. 2002', '2-3 Oct 2003', '28 мая 2002 года', '8 Dec . 2005', '28/05/2002']),
    dateFirst: fc.boolean(),
    kind: option(['Press Statement', 'Press Release (2002)128', 'Opening Remarks', "Chairman's Statement", 'Speech']),
    speaker: option([
      'by NATO Secretary General\nfollowing the meeting of NATO Defence Ministers with the\nRussian Minister Sergei Ivanov',
      'by the Spokesman',
      'by the Chairman of the Council\nat the informal meeting of ministers',
    ]),
  })
  .map(({ updated, place, date, dateFirst, kind, speaker }) => {
    const placeDate = dateFirst ? [date, place] : [place, date];
    return [updated, ...placeDate, kind, speaker].filter((b): b is string => b !== null);
  });

const TOP_CHROME = ['Header', 'Home | Speeches | Press | Contact us', '[Print this page]', 'Skip to content'];
const MIDDLE_CHROME = ['Back to top', '[Top of page]', 'Print this page'];
const BOTTOM_CHROME = [
  'Go to Homepage Go to Index',
  '© 2002 Council Online Library',
  'Back to top',
  'Home | Index | Search',
];
const FOOTER = [
  'For further information: Press Office, tel. +32 2 707 50 41',
  'Press & Media Service',
  'E-mail: press@council.example',
];

interface Page {
  text: string;
  paragraphs: string[];
  chrome: string[];
  wrapped: boolean;
}

// Wraps a paragraph at `width` the way old text archives did: at spaces, never inside a word.
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line].join('\n');
}

const page: fc.Arbitrary<Page> = fc
  .record({
    top: fc.subarray(TOP_CHROME),
    header,
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
    middle: fc.array(fc.option(fc.constantFrom(...MIDDLE_CHROME), { nil: null }), { minLength: 6, maxLength: 6 }),
    bottom: fc.subarray(BOTTOM_CHROME),
    footer: fc.boolean(),
    width: fc.option(fc.integer({ min: 40, max: 100 }), { nil: null }),
  })
  .map(({ top, header, paragraphs, middle, bottom, footer, width }) => {
    const used: string[] = [];
    const body = paragraphs.flatMap((p, i) => {
      const text = width === null ? p : wrap(p, width);
      const between = middle[i];
      if (between === null || between === undefined || i === paragraphs.length - 1) return [text];
      used.push(between);
      return [text, between];
    });
    const tail = [...(footer ? [FOOTER.join('\n')] : []), ...bottom];
    const blocks = [...top, ...header, ...body, ...tail];
    const chrome = [...top, ...used, ...bottom, ...(footer ? FOOTER : [])];
    return { text: blocks.join('\n\n'), paragraphs, chrome, wrapped: width !== null };
  });

describe('generated pages: header + paragraphs + chrome', () => {
  test('every word of every paragraph is in the body, in order, and no chrome line is', () => {
    fc.assert(
      fc.property(page, (p) => {
        const result = parseLegacyPage({ source: 'generated.txt', content: p.text });
        assert.equal(result.status, 'document');
        assert.deepEqual(result.body.split(/\s+/), p.paragraphs.join(' ').split(' '));
        if (!p.wrapped) assert.equal(result.body, p.paragraphs.join('\n\n'));
        // The exact word check above already rules out chrome joined into a paragraph.
        const bodyParagraphs = result.body.split('\n\n');
        for (const line of p.chrome) {
          assert.ok(!bodyParagraphs.includes(line), `chrome in body: ${line}`);
          assert.ok(result.dropped.includes(line), `chrome not reported as dropped: ${line}`);
        }
      }),
      RUNS,
    );
  });
  test('the same holds for the page rendered as HTML with navigation around it', () => {
    fc.assert(
      fc.property(page, (p) => {
        const html =
          '<html><body><div class="navigation"><a href="/">Home</a> | <a href="/s">Speeches</a></div>' +
          p.paragraphs.map((para) => `<p>${para}</p>`).join('\n') +
          '<div id="footer"><a href="/">Go to Homepage</a> <a href="/i">Go to Index</a></div></body></html>';
        const result = parseLegacyPage({ source: 'generated.html', content: html });
        assert.equal(result.body, p.paragraphs.join('\n\n'));
      }),
      RUNS,
    );
  });
  test('parsing is deterministic', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          page.map((p) => p.text),
          fc.string({ maxLength: 300 }),
        ),
        (text) => {
          const first = parseLegacyPage({ source: 'generated.txt', content: text });
          const second = parseLegacyPage({ source: 'generated.txt', content: text });
          assert.deepEqual(second, first);
          assert.equal(contentFingerprint(second), contentFingerprint(first));
        },
      ),
      RUNS,
    );
  });
});
