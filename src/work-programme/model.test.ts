import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deliverableProblem } from './model.ts';

const now = new Date('2002-09-25T08:00:00Z');

test('an agreed or delivered deliverable says when; others do not', () => {
  assert.equal(deliverableProblem({ status: 'agreed', achievedOn: '2002-09-25' }, now), null);
  assert.deepEqual(deliverableProblem({ status: 'agreed', achievedOn: null }, now), {
    path: 'achievedOn',
    message: 'is required when the status is "agreed"',
  });
  assert.equal(deliverableProblem({ status: 'planned', achievedOn: '2002-09-01' }, now)?.path, 'achievedOn');
  assert.equal(deliverableProblem({ status: 'in_progress', achievedOn: null }, now), null);
});

test('nothing is achieved in the future', () => {
  assert.match(deliverableProblem({ status: 'delivered', achievedOn: '2002-10-10' }, now)?.message ?? '', /future/);
});
