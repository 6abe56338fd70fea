// Field-level differences between two versions of an item, for audit summaries and no-op detection.
import { isDeepStrictEqual } from 'node:util';

export type Changes = Record<string, { from: unknown; to: unknown }>;

/** The fields whose values differ between `before` and `after` (deep comparison). */
export function diffFields<T extends object>(before: T, after: T): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (!isDeepStrictEqual(before[key], after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
