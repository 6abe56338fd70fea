import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statusProblem, transitionProblem, type MeetingFacts } from './meeting-status.ts';

const warsaw: MeetingFacts = { status: 'planned', startsAt: '2002-09-25T06:30:00.000Z', outcomeSummary: '' };
const before = new Date('2002-09-24T12:00:00Z');
const after = new Date('2002-09-25T10:00:00Z');

describe('meeting status', () => {
  test('goes planned → held → record approved, one step at a time', () => {
    assert.equal(transitionProblem(warsaw, 'held', after), null);
    assert.equal(
      transitionProblem({ ...warsaw, status: 'held', outcomeSummary: 'Agreed.' }, 'record_approved', after),
      null,
    );
  });

  test('cannot skip a step, go back, or leave an approved record', () => {
    assert.deepEqual(transitionProblem(warsaw, 'record_approved', after), {
      path: 'status',
      message: 'can go from "planned" only to "held"',
    });
    assert.equal(transitionProblem({ ...warsaw, status: 'held' }, 'planned', after)?.path, 'status');
    assert.match(
      transitionProblem({ ...warsaw, status: 'record_approved', outcomeSummary: 'x' }, 'held', after)?.message ?? '',
      /final/,
    );
  });

  test('a meeting cannot be held before it starts', () => {
    assert.match(transitionProblem(warsaw, 'held', before)?.message ?? '', /before the meeting starts/);
  });

  test('approving the record needs an outcome summary, named by its field', () => {
    assert.deepEqual(transitionProblem({ ...warsaw, status: 'held' }, 'record_approved', after), {
      path: 'outcome.summary',
      message: 'is required before the record is approved',
    });
  });

  test('a new meeting may be recorded as held when it is already in the past', () => {
    assert.equal(statusProblem({ ...warsaw, status: 'held' }, after), null);
    assert.equal(statusProblem({ ...warsaw, status: 'planned' }, before), null);
  });

  test('asking for the current status again is no change, not an error', () => {
    assert.equal(transitionProblem(warsaw, 'planned', before), null);
  });
});
