// SQL for bodies (the council and its subordinate bodies) and their topics.
import type { Body } from '../model.ts';
import type { Executor } from '../../kernel/db/executor.ts';
import { nameTaken } from './coded-tables.ts';
import { moduleReferences } from './references.ts';

async function topicsOf(db: Executor, bodyCodes: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(bodyCodes.map((c) => [c, []]));
  if (bodyCodes.length === 0) return result;
  const rows = await db
    .selectFrom('body_topics')
    .innerJoin('topics', 'topics.code', 'body_topics.topic_code')
    .select(['body_topics.body_code', 'body_topics.topic_code'])
    .where('body_topics.body_code', 'in', bodyCodes)
    .orderBy('topics.position')
    .execute();
  for (const r of rows) result.get(r.body_code)?.push(r.topic_code);
  return result;
}

type BodyRow = {
  code: string;
  name: string;
  kind: Body['kind'];
  parent_code: string | null;
  format_code: string;
  chair_person_id: string | null;
  description: string;
  is_public: number;
};

function toBody(row: BodyRow, topics: string[]): Body {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentCode: row.parent_code,
    formatCode: row.format_code,
    chairPersonId: row.chair_person_id,
    description: row.description,
    isPublic: row.is_public === 1,
    topics,
  };
}

// The council first, then its committees, then groups; by name within a kind.
const KIND_ORDER = ['council', 'preparatory_committee', 'committee', 'working_group', 'ad_hoc_group', 'expert_group'];

/** All bodies in hierarchy order. Callers filter with `can`: some bodies are not for every reader. */
export async function listBodies(db: Executor): Promise<Body[]> {
  const rows = await db.selectFrom('bodies').selectAll().orderBy('name').execute();
  const topics = await topicsOf(
    db,
    rows.map((r) => r.code),
  );
  return rows
    .map((r) => toBody(r, topics.get(r.code) ?? []))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
}

/** One body by code, or null. */
export async function findBody(db: Executor, code: string): Promise<Body | null> {
  const row = await db.selectFrom('bodies').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return null;
  const topics = await topicsOf(db, [code]);
  return toBody(row, topics.get(code) ?? []);
}

export const bodyNameTaken = (db: Executor, name: string, exceptCode: string | null): Promise<boolean> =>
  nameTaken(db, 'bodies', name, exceptCode);

/** Inserts or updates a body and replaces its topics. */
export async function saveBody(db: Executor, body: Body, now: string, isNew: boolean): Promise<void> {
  const values = {
    name: body.name,
    kind: body.kind,
    parent_code: body.parentCode,
    format_code: body.formatCode,
    chair_person_id: body.chairPersonId,
    description: body.description,
    is_public: body.isPublic ? 1 : 0,
    updated_at: now,
  };
  if (isNew)
    await db
      .insertInto('bodies')
      .values({ code: body.code, created_at: now, ...values })
      .execute();
  else await db.updateTable('bodies').set(values).where('code', '=', body.code).execute();
  await db.deleteFrom('body_topics').where('body_code', '=', body.code).execute();
  if (body.topics.length > 0) {
    await db
      .insertInto('body_topics')
      .values(body.topics.map((topic_code) => ({ body_code: body.code, topic_code })))
      .execute();
  }
}

export async function bodyReferences(db: Executor, code: string): Promise<string[]> {
  return [...(await ownBodyReferences(db, code)), ...(await moduleReferences(db, 'body', code))];
}

async function ownBodyReferences(db: Executor, code: string): Promise<string[]> {
  const children = await db.selectFrom('bodies').select('code').where('parent_code', '=', code).execute();
  return children.map((b) => `body "${b.code}" (as parent)`);
}

export async function deleteBody(db: Executor, code: string): Promise<void> {
  await db.deleteFrom('bodies').where('code', '=', code).execute();
}
