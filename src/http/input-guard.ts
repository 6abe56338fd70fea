// Checks every request's input before any route's schema sees it, so new routes are covered without
// thought. Today one rule: no string may hold the NUL character (U+0000). PostgreSQL cannot store it in
// text (it answered 500) and no field of Concord has a use for it, so it is refused as invalid input on
// both databases alike.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../kernel/errors.ts';

const NUL_MESSAGE = 'must not contain the NUL character (U+0000); remove it';

/** The paths (as validation details name them) of strings or keys in `value` that hold a NUL. */
export function nulPaths(value: unknown, root: string): string[] {
  const found: string[] = [];
  // Iterative, not recursive: a deeply nested JSON body must not overflow the stack.
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0 && found.length < 20) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(path || root);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push([current[i], `${path || root}[${i}]`]);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current).reverse()) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) found.push(`${path || root} (a field name)`);
        else stack.push([child, childPath]);
      }
    }
  }
  return found;
}

/** Throws VALIDATION_FAILED naming every field of params, query or body that holds a NUL. */
export function refuseNul(request: FastifyRequest): void {
  const details: ErrorDetail[] = [];
  for (const [part, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    for (const path of nulPaths(value, part)) details.push({ path, message: NUL_MESSAGE });
  }
  if (details.length === 0) return;
  const summary = details.map((d) => `${d.path} ${d.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `The request is not valid: ${summary}.`, details);
}

/** Installs the input checks on the root app (preValidation: after parsing, before any schema or handler). */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => refuseNul(request));
}
