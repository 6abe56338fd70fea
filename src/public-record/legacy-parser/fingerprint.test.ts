import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, contentFingerprint } from './fingerprint.ts';
import type { LegacyItem } from './types.ts';

const item: LegacyItem = {
  status: 'document',
  kind: 'Press Statement',
  title: 'Press Statement',
  date: '2002-09-25',
  updated: '2002-09-25',
  collection: 'NATO Speeches',
  place: { city: 'Warsaw', country: 'Poland' },
  speaker: 'NATO Secretary General',
  occasion: null,
  reference: null,
  language: 'en',
  body: 'Good morning.\n\nThank you Warsaw.',
  flags: [],
};

test('canonical JSON sorts keys at every level and has no whitespace', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [2, { f: null, e: 'x' }], c: true } }),
    '{"a":{"c":true,"d":[2,{"e":"x","f":null}]},"b":1}',
  );
});

test('the fingerprint is a sha256 hex that ignores key order and review flags', () => {
  const fingerprint = contentFingerprint(item);
  assert.match(fingerprint, /^[0-9a-f]{64}$/);
  const reordered = Object.fromEntries(Object.entries(item).reverse()) as unknown as LegacyItem;
  assert.equal(contentFingerprint(reordered), fingerprint);
  assert.equal(contentFingerprint({ ...item, flags: [{ field: 'date', confidence: 0.5, reason: 'x' }] }), fingerprint);
  assert.equal(contentFingerprint({ ...item, place: { country: 'Poland', city: 'Warsaw' } }), fingerprint);
});

test('the fingerprint changes with any stable field', () => {
  const fingerprint = contentFingerprint(item);
  assert.notEqual(contentFingerprint({ ...item, body: `${item.body} ` }), fingerprint);
  assert.notEqual(contentFingerprint({ ...item, date: '2002-09-24' }), fingerprint);
  assert.notEqual(contentFingerprint({ ...item, place: { city: 'Warsaw', country: null } }), fingerprint);
  assert.notEqual(contentFingerprint({ ...item, reference: '' }), contentFingerprint(item));
});
