import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { joinLines, toParagraphs } from './paragraphs.ts';

describe('toParagraphs', () => {
  test('splits at blank lines and keeps one-line paragraphs as they are', () => {
    assert.deepEqual(toParagraphs(['Good morning.', '', 'Thank you Warsaw.']), ['Good morning.', 'Thank you Warsaw.']);
  });
  test('joins hard-wrapped lines and splits where a short line ends a sentence', () => {
    const lines = [
      'It is a pleasure to open this seminar, the third of its kind, and to',
      'welcome so many participants from the region. When we first met, few',
      'believed it possible.',
      'Today that is no longer remarkable. Border police from four countries',
      'now train together.',
    ];
    assert.deepEqual(toParagraphs(lines), [
      'It is a pleasure to open this seminar, the third of its kind, and to welcome so many participants from the region. When we first met, few believed it possible.',
      'Today that is no longer remarkable. Border police from four countries now train together.',
    ]);
  });
  test('does not split where a full-width line happens to end a sentence', () => {
    const lines = [
      'The ministers met for two days of informal talks on the transformation.',
      'No decisions were expected or taken at this meeting of the ministers.',
      'None.',
    ];
    assert.equal(toParagraphs(lines).length, 1);
  });
  test('starts a paragraph at each list item and at Q: / A:', () => {
    assert.deepEqual(toParagraphs(['Q: Will it work?', 'A: Yes.', '- first', '- second']), [
      'Q: Will it work?',
      'A: Yes.',
      '- first',
      '- second',
    ]);
  });
  test('keeps a salutation apart from the sentence after it', () => {
    const lines = [
      'Ladies and Gentlemen,',
      'It is a pleasure to open this seminar, the third of its kind, and to',
      'welcome you all.',
    ];
    assert.equal(toParagraphs(lines)[0], 'Ladies and Gentlemen,');
  });
  test('never drops a character of a line', () => {
    const lines = ['  indented  ', 'peace-', 'keeping', 'end'];
    assert.deepEqual(toParagraphs(lines), ['indented peace-keeping end']);
  });
});

test('joinLines keeps a line-end hyphen and joins the word without a space', () => {
  assert.equal(joinLines(['the peace-', 'keeping force']), 'the peace-keeping force');
  assert.equal(joinLines(['NATO-', 'Russia']), 'NATO- Russia');
});
