// SQL for persons and the functions they hold.
import type { Person, PersonFunction } from '../model.ts';
import type { Executor } from '../../kernel/db/executor.ts';
import { moduleReferences } from './references.ts';

async function functionsOf(db: Executor, personIds: string[]): Promise<Map<string, PersonFunction[]>> {
  const result = new Map<string, PersonFunction[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return result;
  const rows = await db
    .selectFrom('person_functions')
    .selectAll()
    .where('person_id', 'in', personIds)
    .orderBy('position')
    .execute();
  for (const r of rows) {
    result
      .get(r.person_id)
      ?.push({ id: r.id, title: r.title, memberCode: r.member_code, startedOn: r.started_on, endedOn: r.ended_on });
  }
  return result;
}

/** All persons by name, each with their functions. */
export async function listPersons(db: Executor): Promise<Person[]> {
  const rows = await db.selectFrom('persons').selectAll().orderBy('name').execute();
  const functions = await functionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    honorific: r.honorific,
    demo: r.demo === 1,
    functions: functions.get(r.id) ?? [],
  }));
}

/** One person by id, or null. */
export async function findPerson(db: Executor, id: string): Promise<Person | null> {
  const row = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const functions = await functionsOf(db, [id]);
  return {
    id: row.id,
    name: row.name,
    honorific: row.honorific,
    demo: row.demo === 1,
    functions: functions.get(id) ?? [],
  };
}

/** Inserts or updates a person and replaces their functions. */
export async function savePerson(db: Executor, person: Person, now: string, isNew: boolean): Promise<void> {
  const values = { name: person.name, honorific: person.honorific, demo: person.demo ? 1 : 0, updated_at: now };
  if (isNew)
    await db
      .insertInto('persons')
      .values({ id: person.id, created_at: now, ...values })
      .execute();
  else await db.updateTable('persons').set(values).where('id', '=', person.id).execute();
  await db.deleteFrom('person_functions').where('person_id', '=', person.id).execute();
  if (person.functions.length > 0) {
    await db
      .insertInto('person_functions')
      .values(
        person.functions.map((f, position) => ({
          id: f.id,
          person_id: person.id,
          title: f.title,
          member_code: f.memberCode,
          started_on: f.startedOn,
          ended_on: f.endedOn,
          position,
        })),
      )
      .execute();
  }
}

export async function personReferences(db: Executor, id: string): Promise<string[]> {
  return [...(await ownPersonReferences(db, id)), ...(await moduleReferences(db, 'person', id))];
}

async function ownPersonReferences(db: Executor, id: string): Promise<string[]> {
  const bodies = await db.selectFrom('bodies').select('code').where('chair_person_id', '=', id).execute();
  return bodies.map((b) => `body "${b.code}" (as chair)`);
}

export async function deletePerson(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('persons').where('id', '=', id).execute();
}
