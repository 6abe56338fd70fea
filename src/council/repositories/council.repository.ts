// SQL for the council's own record (one row).
import type { Council } from '../model.ts';
import type { Executor } from '../../kernel/db/executor.ts';

/** The council's identity, or null before one is set (an empty installation). */
export async function findCouncil(db: Executor): Promise<Council | null> {
  const row = await db.selectFrom('council').selectAll().where('id', '=', 'council').executeTakeFirst();
  if (!row) return null;
  return {
    name: row.name,
    shortName: row.short_name,
    description: row.description,
    establishedOn: row.established_on,
    foundingText: row.founding_text,
  };
}

/** Creates or replaces the council's record. */
export async function saveCouncil(db: Executor, council: Council, now: string): Promise<void> {
  const values = {
    name: council.name,
    short_name: council.shortName,
    description: council.description,
    established_on: council.establishedOn,
    founding_text: council.foundingText,
    updated_at: now,
  };
  await db
    .insertInto('council')
    .values({ id: 'council', ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
