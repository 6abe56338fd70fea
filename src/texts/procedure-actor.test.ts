import { test } from 'node:test';
import assert from 'node:assert/strict';
import { procedureActor, procedureFailure } from './procedure-actor.ts';
import { procedureErrors } from './procedure/procedure-errors.ts';
import { PROCEDURE_ERROR_CODES } from './procedure/types.ts';
import { PROCEDURE_ERROR_HTTP_STATUS } from './procedure/procedure-errors.ts';
import { errorCatalog } from '../kernel/errors.ts';

test('a user acts in the strongest of their roles; a head of delegation keeps member and flag', () => {
  assert.deepEqual(
    procedureActor({
      kind: 'user',
      id: 'u1',
      roles: ['secretariat', 'chair'],
      member: null,
      headOfDelegation: false,
      clearance: 'SECRET',
    }),
    { userId: 'u1', role: 'chair', member: null, headOfDelegation: false },
  );
  assert.deepEqual(
    procedureActor({
      kind: 'user',
      id: 'u2',
      roles: ['delegate'],
      member: 'RUS',
      headOfDelegation: true,
      clearance: 'SECRET',
    }),
    { userId: 'u2', role: 'delegate', member: 'RUS', headOfDelegation: true },
  );
});

test('the admin token drafts like the secretariat; the system can never act as chair or delegation', () => {
  assert.equal(procedureActor({ kind: 'admin-token' }).role, 'secretariat');
  assert.deepEqual(procedureActor({ kind: 'system', name: 'deadlines' }), {
    userId: 'system:deadlines',
    role: 'admin',
    member: null,
    headOfDelegation: false,
  });
});

test('every procedure error code is in the catalog with the status the procedure gives it', () => {
  for (const code of PROCEDURE_ERROR_CODES) {
    assert.equal(errorCatalog[code].status, PROCEDURE_ERROR_HTTP_STATUS[code], code);
  }
});

test('a refusal keeps its code and message; details name the members holding reservations', () => {
  const failure = procedureFailure(procedureErrors.reservationsStand(['RUS', 'POL']));
  assert.equal(failure.code, 'RESERVATIONS_STAND');
  assert.equal(failure.status, 409);
  assert.match(failure.message, /Reservations stand from RUS, POL/);
  assert.deepEqual(failure.details, [{ path: 'members', message: 'RUS, POL' }]);
});
