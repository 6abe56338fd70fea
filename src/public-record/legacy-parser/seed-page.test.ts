// The one real page: a 2002 NATO-Russia Council press statement, exactly as the archive served it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contentFingerprint, parseLegacyPage } from './index.ts';

// The fixtures are read as bytes, as the importer reads archive files.
const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/legacy/${name}`, import.meta.url)));

const NAME = 'nrc-2002-09-25-press-statement.txt';
const bytes = fixtureBytes(NAME);
const result = parseLegacyPage({ source: NAME, content: bytes });

test('the seed page is a document with every header field read', () => {
  assert.equal(result.status, 'document');
  assert.equal(result.kind, 'Press Statement');
  assert.equal(
    result.title,
    'Press Statement by NATO Secretary General following the meeting of NATO Defence Ministers with the Russian Minister Sergei Ivanov',
  );
  assert.equal(result.date, '2002-09-25');
  assert.equal(result.updated, '2002-09-25');
  assert.equal(result.collection, 'NATO Speeches');
  assert.deepEqual(result.place, { city: 'Warsaw', country: 'Poland' });
  assert.equal(result.speaker, 'NATO Secretary General');
  assert.equal(
    result.occasion,
    'following the meeting of NATO Defence Ministers with the Russian Minister Sergei Ivanov',
  );
  assert.equal(result.reference, null);
  assert.equal(result.language, 'en');
  assert.equal(result.error, undefined);
});

test('the seed body is the statement verbatim, paragraph for paragraph, without chrome', () => {
  const source = new TextDecoder().decode(bytes).split('\n');
  const from = source.indexOf('Good morning.');
  const to = source.indexOf('Thank you Warsaw.');
  const expected = source
    .slice(from, to + 1)
    .filter((l) => l !== '')
    .join('\n\n');
  assert.equal(result.body, expected);
  assert.ok(result.body.startsWith('Good morning.\n\nFollowing yesterday'));
  assert.ok(result.body.endsWith('\n\nThank you Warsaw.'));
  assert.equal(result.body.split('\n\n').length, 13);
  assert.ok(!result.body.includes('Go to Homepage'));
  assert.ok(!result.body.includes('Header'));
});

test('the seed chrome is dropped and listed; header lines read into fields are not', () => {
  assert.deepEqual(result.dropped, ['Header', 'Go to Homepage Go to Index']);
});

test('nothing about the seed is uncertain, and the optional reference is not flagged', () => {
  assert.deepEqual(result.flags, []);
});

test('the seed parses the same from bytes and from a string, with a stable fingerprint', () => {
  const fromString = parseLegacyPage({ source: NAME, content: new TextDecoder().decode(bytes) });
  assert.deepEqual(fromString, result);
  assert.equal(contentFingerprint(fromString), contentFingerprint(result));
  assert.match(contentFingerprint(result), /^[0-9a-f]{64}$/);
});
