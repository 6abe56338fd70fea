// Topics are kept in the council's order (their position), whatever order a request gives them in, so
// that saving the same set twice is recognised as no change. Unknown codes stay, last, to be named by
// the reference check.
import type { Executor } from '../kernel/db/executor.ts';

/** A function that puts topic codes in the council's order. */
export async function topicOrdering(db: Executor): Promise<(codes: readonly string[]) => string[]> {
  const order = (await db.selectFrom('topics').select('code').orderBy('position').orderBy('code').execute()).map(
    (t) => t.code,
  );
  return (codes) => [...order.filter((c) => codes.includes(c)), ...codes.filter((c) => !order.includes(c))];
}
