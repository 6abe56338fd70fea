// SQL for projects, their topics, lead members, deliverables and progress reports. Callers filter with `can`.
import type { Actor } from '../kernel/access/can.ts';
import { formatItemVisibleTo } from '../kernel/access/visibility-sql.ts';
import type { Executor } from '../kernel/db/executor.ts';
import type { ProjectTable } from '../kernel/db/schema-meetings-events.ts';
import type { Deliverable, ProgressReport, Project } from './model.ts';

export interface ProjectFilter {
  body?: string;
  status?: Project['status'];
  /** Only the projects this reader may read (`can`'s rule, applied by the query). */
  readableBy?: Actor;
}

type Children = { topics: string[]; leads: string[]; deliverables: Deliverable[]; reports: ProgressReport[] };

async function childrenOf(db: Executor, ids: string[]): Promise<Map<string, Children>> {
  const result = new Map<string, Children>(
    ids.map((id) => [id, { topics: [], leads: [], deliverables: [], reports: [] }]),
  );
  if (ids.length === 0) return result;
  const [topics, leads, deliverables, reports] = await Promise.all([
    db
      .selectFrom('project_topics')
      .innerJoin('topics', 'topics.code', 'project_topics.topic_code')
      .select(['project_id', 'topic_code'])
      .where('project_id', 'in', ids)
      .orderBy('topics.position')
      .execute(),
    db.selectFrom('project_lead_members').selectAll().where('project_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('project_deliverables').selectAll().where('project_id', 'in', ids).orderBy('position').execute(),
    db
      .selectFrom('project_progress_reports')
      .selectAll()
      .where('project_id', 'in', ids)
      .orderBy('reported_on')
      .orderBy('created_at')
      .execute(),
  ]);
  for (const t of topics) result.get(t.project_id)?.topics.push(t.topic_code);
  for (const l of leads) result.get(l.project_id)?.leads.push(l.member_code);
  for (const d of deliverables) {
    result.get(d.project_id)?.deliverables.push({
      id: d.id,
      kind: d.kind,
      title: d.title,
      dueOn: d.due_on,
      status: d.status,
      result: d.result,
      achievedOn: d.achieved_on,
    });
  }
  for (const r of reports)
    result.get(r.project_id)?.reports.push({
      id: r.id,
      reportedOn: r.reported_on,
      summary: r.summary,
      reportedBy: r.reported_by,
      createdAt: r.created_at,
    });
  return result;
}

function toProject(row: ProjectTable, c: Children | undefined): Project {
  return {
    id: row.id,
    bodyCode: row.body_code,
    formatCode: row.format_code,
    title: row.title,
    description: row.description,
    status: row.status,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    isPublic: row.is_public === 1,
    topics: c?.topics ?? [],
    leadMembers: c?.leads ?? [],
    deliverables: c?.deliverables ?? [],
    progressReports: c?.reports ?? [],
    updatedAt: row.updated_at,
  };
}

/** Projects matching `filter`, by title, with everything they hold. */
export async function listProjects(db: Executor, filter: ProjectFilter = {}): Promise<Project[]> {
  let q = db.selectFrom('projects').selectAll();
  if (filter.body) q = q.where('body_code', '=', filter.body);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.readableBy)
    q = q.where(
      formatItemVisibleTo(filter.readableBy, { formatCode: 'projects.format_code', isPublic: 'projects.is_public' }),
    );
  const rows = await q.orderBy('title').orderBy('id').execute();
  const children = await childrenOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toProject(r, children.get(r.id)));
}

/** One project by id, or null. */
export async function findProject(db: Executor, id: string): Promise<Project | null> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toProject(row, (await childrenOf(db, [id])).get(id)) : null;
}

/** Inserts or updates a project's own fields, topics and lead members. */
export async function saveProject(db: Executor, p: Project, now: string, isNew: boolean): Promise<void> {
  const values = {
    body_code: p.bodyCode,
    format_code: p.formatCode,
    title: p.title,
    description: p.description,
    status: p.status,
    starts_on: p.startsOn,
    ends_on: p.endsOn,
    is_public: p.isPublic ? 1 : 0,
    updated_at: now,
  };
  if (isNew)
    await db
      .insertInto('projects')
      .values({ id: p.id, created_at: now, ...values })
      .execute();
  else await db.updateTable('projects').set(values).where('id', '=', p.id).execute();
  await db.deleteFrom('project_topics').where('project_id', '=', p.id).execute();
  if (p.topics.length)
    await db
      .insertInto('project_topics')
      .values(p.topics.map((topic_code) => ({ project_id: p.id, topic_code })))
      .execute();
  await db.deleteFrom('project_lead_members').where('project_id', '=', p.id).execute();
  if (p.leadMembers.length)
    await db
      .insertInto('project_lead_members')
      .values(p.leadMembers.map((member_code, position) => ({ project_id: p.id, member_code, position })))
      .execute();
}

/** Marks a project changed (a deliverable or report was written), for feeds and caches. */
export async function touchProject(db: Executor, id: string, now: string): Promise<void> {
  await db.updateTable('projects').set({ updated_at: now }).where('id', '=', id).execute();
}

/** Inserts or updates one deliverable at `position`. */
export async function saveDeliverable(
  db: Executor,
  projectId: string,
  d: Deliverable,
  position: number,
  now: string,
  isNew: boolean,
): Promise<void> {
  const values = {
    kind: d.kind,
    title: d.title,
    due_on: d.dueOn,
    status: d.status,
    result: d.result,
    achieved_on: d.achievedOn,
    position,
    updated_at: now,
  };
  if (isNew)
    await db
      .insertInto('project_deliverables')
      .values({ id: d.id, project_id: projectId, created_at: now, ...values })
      .execute();
  else
    await db
      .updateTable('project_deliverables')
      .set(values)
      .where('id', '=', d.id)
      .where('project_id', '=', projectId)
      .execute();
}

export async function deleteDeliverable(db: Executor, projectId: string, id: string): Promise<void> {
  await db.deleteFrom('project_deliverables').where('id', '=', id).where('project_id', '=', projectId).execute();
}

export async function insertProgressReport(db: Executor, projectId: string, r: ProgressReport): Promise<void> {
  await db
    .insertInto('project_progress_reports')
    .values({
      id: r.id,
      project_id: projectId,
      reported_on: r.reportedOn,
      summary: r.summary,
      reported_by: r.reportedBy,
      created_at: r.createdAt,
    })
    .execute();
}

/** Events that link to a project, for a clear IN_USE refusal of its deletion. */
export async function projectReferences(db: Executor, id: string): Promise<string[]> {
  const events = await db.selectFrom('event_projects').select('event_id').where('project_id', '=', id).execute();
  return events.map((e) => `event "${e.event_id}"`);
}

export async function deleteProject(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('projects').where('id', '=', id).execute();
}
