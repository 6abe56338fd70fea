import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffStats, sideOf, wordDiff } from './text-diff.ts';

test('a changed word is one delete and one insert between equal runs', () => {
  assert.deepEqual(wordDiff('The Council agreed the concept.', 'The Council endorsed the concept.'), [
    { op: 'equal', text: 'The Council ' },
    { op: 'delete', text: 'agreed' },
    { op: 'insert', text: 'endorsed' },
    { op: 'equal', text: ' the concept.' },
  ]);
});

test('punctuation is its own token: a changed full stop does not mark the word before it', () => {
  const segments = wordDiff('Russia and the Allies agreed.', 'Russia and the Allies agreed;');
  assert.deepEqual(segments, [
    { op: 'equal', text: 'Russia and the Allies agreed' },
    { op: 'delete', text: '.' },
    { op: 'insert', text: ';' },
  ]);
  assert.deepEqual(
    wordDiff('joint, NATO-Russia', 'joint NATO-Russia').filter((s) => s.op !== 'equal'),
    [{ op: 'delete', text: ',' }],
  );
});

test('whitespace alone changing keeps every word equal', () => {
  const segments = wordDiff('one two  three', 'one two three');
  assert.ok(
    segments.filter((s) => s.op !== 'equal').every((s) => s.text.trim() === ''),
    JSON.stringify(segments),
  );
  assert.deepEqual(diffStats(segments), { inserted: 0, deleted: 0 });
});

test('empty versions: from nothing everything is inserted, to nothing everything is deleted, nothing to nothing is empty', () => {
  assert.deepEqual(wordDiff('', 'New text.'), [{ op: 'insert', text: 'New text.' }]);
  assert.deepEqual(wordDiff('Old text.', ''), [{ op: 'delete', text: 'Old text.' }]);
  assert.deepEqual(wordDiff('', ''), []);
  assert.deepEqual(wordDiff('Same.', 'Same.'), [{ op: 'equal', text: 'Same.' }]);
});

test('word counts of a diff', () => {
  assert.deepEqual(diffStats(wordDiff('a b c', 'a x y c')), { inserted: 2, deleted: 1 });
});

test('property: both texts can be read back from the segments, and no two neighbours share an op', () => {
  const words = fc
    .array(
      fc.constantFrom('the', 'Council', 'agreed', ',', '.', ' ', '  ', '\n\n', 'NATO-Russia', 'concept', 'joint'),
      { maxLength: 30 },
    )
    .map((a) => a.join(''));
  fc.assert(
    fc.property(words, words, (a, b) => {
      const segments = wordDiff(a, b);
      assert.equal(sideOf(segments, 'before'), a);
      assert.equal(sideOf(segments, 'after'), b);
      for (let i = 1; i < segments.length; i += 1) assert.notEqual(segments[i]!.op, segments[i - 1]!.op);
    }),
  );
});
