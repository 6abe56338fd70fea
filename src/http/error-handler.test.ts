import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toAppError } from './error-handler.ts';
import { AppError } from '../kernel/errors.ts';

test('database connection failures become a retryable 503, unknown errors a 500 that reveals nothing', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  assert.equal(toAppError(refused).appError.code, 'DATABASE_UNAVAILABLE');
  assert.equal(
    toAppError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })).appError.status,
    503,
  );
  const unknown = toAppError(new Error('secret internal detail'));
  assert.equal(unknown.unexpected, true);
  assert.equal(unknown.appError.code, 'INTERNAL');
  assert.equal(unknown.appError.message.includes('secret'), false);
  const known = new AppError('NOT_FOUND');
  assert.equal(toAppError(known).appError, known);
});

test('a foreign-key refusal from either database is a 409 IN_USE, not a 500', () => {
  for (const code of ['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']) {
    const { appError, unexpected } = toAppError(Object.assign(new Error('FOREIGN KEY constraint failed'), { code }));
    assert.deepEqual([appError.code, appError.status, unexpected], ['IN_USE', 409, false]);
  }
});
