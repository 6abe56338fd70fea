// Who still refers to a piece of reference data, across the modules built on the council model
// (meetings, work programme, calendar, texts, accounts), so a delete is refused with IN_USE naming them
// instead of failing on a foreign key.
import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/executor.ts';

type Referrer = { table: string; column: string; label: string };

/** The items that each belong to one body and one format: they refer to both by a column of their own row. */
const ITEMS = [
  { table: 'meetings', label: 'meeting(s)' },
  { table: 'projects', label: 'project(s)' },
  { table: 'events', label: 'event(s)' },
  { table: 'texts', label: 'text(s)' },
] as const;
const itemsBy = (column: 'body_code' | 'format_code'): Referrer[] =>
  ITEMS.map(({ table, label }) => ({ table, column, label }));

const REFERRERS: Record<'member' | 'format' | 'person' | 'body' | 'topic', Referrer[]> = {
  member: [
    { table: 'meetings', column: 'host_member_code', label: 'meeting(s) as host' },
    { table: 'meeting_participants', column: 'member_code', label: 'meeting participant(s)' },
    { table: 'project_lead_members', column: 'member_code', label: 'project(s) as lead member' },
    { table: 'events', column: 'host_member_code', label: 'event(s) as host' },
    { table: 'text_positions', column: 'member_code', label: 'position(s) on texts' },
  ],
  format: itemsBy('format_code'),
  person: [{ table: 'meeting_participants', column: 'person_id', label: 'meeting participant(s)' }],
  body: itemsBy('body_code'),
  topic: [
    { table: 'meeting_agenda_item_topics', column: 'topic_code', label: 'agenda item(s)' },
    { table: 'project_topics', column: 'topic_code', label: 'project(s)' },
    { table: 'event_topics', column: 'topic_code', label: 'event(s)' },
  ],
};

/** "3 meeting(s)", "1 event(s) as host": the other modules' rows that refer to this item. */
export async function moduleReferences(db: Executor, kind: keyof typeof REFERRERS, value: string): Promise<string[]> {
  const found: string[] = [];
  for (const { table, column, label } of REFERRERS[kind]) {
    // Table and column names come from the constant above, never from input.
    const result = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(db);
    const n = Number(result.rows[0]?.n ?? 0);
    if (n > 0) found.push(`${n} ${label}`);
  }
  return found;
}
