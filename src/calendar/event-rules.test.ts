import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventStatusProblem, nextOrdinal, ordinalWord, seriesPhrase, ordinalAsSeen } from './event-rules.ts';

describe('event rules', () => {
  test('the Moscow conference is the second in a series', () => {
    assert.equal(seriesPhrase(2), 'the second in a series');
    assert.equal(
      seriesPhrase(1, 'The Role of the Military in Combating Terrorism'),
      'the first in the series “The Role of the Military in Combating Terrorism”',
    );
  });

  test('ordinals in words up to twelve, then in figures', () => {
    assert.deepEqual([1, 3, 12, 13, 21, 22, 23, 111, 112].map(ordinalWord), [
      'first',
      'third',
      'twelfth',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '111th',
      '112th',
    ]);
  });

  test('a new event in a series follows the last one, even after a gap', () => {
    assert.equal(nextOrdinal([]), 1);
    assert.equal(nextOrdinal([1, 3]), 4);
  });

  test('an event cannot be ongoing or held before it starts; planned or cancelled any time', () => {
    const now = new Date('2002-09-25T08:00:00Z');
    assert.equal(eventStatusProblem('ongoing', '2002-09-25', now), null);
    assert.equal(eventStatusProblem('held', '2002-02-01', now), null);
    assert.deepEqual(eventStatusProblem('held', '2002-12-09', now), {
      path: 'status',
      message: 'cannot be "held" before the event starts (2002-12-09)',
    });
    assert.equal(eventStatusProblem('cancelled', '2002-12-09', now), null);
  });

  test('an ordinal as a reader sees it does not count the events of the series hidden from them', () => {
    assert.equal(ordinalAsSeen(4, [3]), 3);
    assert.equal(ordinalAsSeen(4, []), 4);
    assert.equal(ordinalAsSeen(2, [3, 5]), 2, 'later hidden events change nothing');
    assert.equal(ordinalAsSeen(6, [1, 3, 5]), 3);
  });
});
