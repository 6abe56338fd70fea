// SQL for topics (areas of consultation).
import type { Topic } from '../model.ts';
import type { Executor } from '../../kernel/db/executor.ts';
import { nameTaken, unknownCodes } from './coded-tables.ts';
import { moduleReferences } from './references.ts';

type TopicRow = { code: string; name: string; description: string; source: string | null; position: number };
const toTopic = (r: TopicRow): Topic => ({
  code: r.code,
  name: r.name,
  description: r.description,
  source: r.source,
  position: Number(r.position),
});

/** All topics in their stated order. */
export async function listTopics(db: Executor): Promise<Topic[]> {
  return (await db.selectFrom('topics').selectAll().orderBy('position').orderBy('name').execute()).map(toTopic);
}

export async function findTopic(db: Executor, code: string): Promise<Topic | null> {
  const row = await db.selectFrom('topics').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toTopic(row) : null;
}

export const unknownTopicCodes = (db: Executor, codes: readonly string[]): Promise<string[]> =>
  unknownCodes(db, 'topics', codes);

export const topicNameTaken = (db: Executor, name: string, exceptCode: string | null): Promise<boolean> =>
  nameTaken(db, 'topics', name, exceptCode);

export async function saveTopic(db: Executor, topic: Topic, now: string, isNew: boolean): Promise<void> {
  const values = {
    name: topic.name,
    description: topic.description,
    source: topic.source,
    position: topic.position,
    updated_at: now,
  };
  if (isNew)
    await db
      .insertInto('topics')
      .values({ code: topic.code, created_at: now, ...values })
      .execute();
  else await db.updateTable('topics').set(values).where('code', '=', topic.code).execute();
}

export async function topicReferences(db: Executor, code: string): Promise<string[]> {
  return [...(await ownTopicReferences(db, code)), ...(await moduleReferences(db, 'topic', code))];
}

async function ownTopicReferences(db: Executor, code: string): Promise<string[]> {
  const bodies = await db.selectFrom('body_topics').select('body_code').where('topic_code', '=', code).execute();
  return bodies.map((b) => `body "${b.body_code}"`);
}

export async function deleteTopic(db: Executor, code: string): Promise<void> {
  await db.deleteFrom('topics').where('code', '=', code).execute();
}
