// Lookups shared by the tables of reference data that are keyed by a `code` and carry a unique `name`
// (members, formats, bodies, topics, and the calendar's event series).
import type { Executor } from '../../kernel/db/executor.ts';

type CodedTable = 'members' | 'formats' | 'bodies' | 'topics' | 'event_series';

/** The subset of `codes` that names no row of `table`, in the order given. */
export async function unknownCodes(db: Executor, table: CodedTable, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await db
    .selectFrom(table)
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  const known = new Set(found.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

/** Whether a row of `table` with this name exists under another code (any code when `exceptCode` is null). */
export async function nameTaken(
  db: Executor,
  table: CodedTable,
  name: string,
  exceptCode: string | null,
): Promise<boolean> {
  let q = db.selectFrom(table).select('code').where('name', '=', name);
  if (exceptCode) q = q.where('code', '!=', exceptCode);
  return (await q.executeTakeFirst()) !== undefined;
}
