// Reads of the work programme filtered by `can`: a project the reader may not see is absent from
// lists, totals and the record of achievements, and answers like a missing one.
import type { Actor } from '../kernel/access/can.ts';
import type { Executor } from '../kernel/db/executor.ts';
import { mayRead } from '../kernel/access/visibility.ts';
import { matchesWords, type Lookups } from '../council/lookups.ts';
import { ACHIEVED, type Deliverable, type Project } from './model.ts';
import { findProject, listProjects, type ProjectFilter } from './projects.repository.ts';

export interface ProjectQuery extends ProjectFilter {
  topic?: string;
  q?: string;
}

/** The projects `actor` may see that match `query`, by title. */
export async function visibleProjects(
  db: Executor,
  actor: Actor,
  lookups: Lookups,
  query: ProjectQuery = {},
): Promise<Project[]> {
  const { topic, q, ...filter } = query;
  return (await listProjects(db, { ...filter, readableBy: actor })).filter(
    (p) =>
      mayRead(actor, 'project', p, lookups.formatMembers) &&
      (!topic || p.topics.includes(topic)) &&
      matchesWords(q, [p.title, p.description, ...p.deliverables.map((d) => d.title)]),
  );
}

/** One project if it exists and `actor` may see it; otherwise null. */
export async function visibleProject(
  db: Executor,
  actor: Actor,
  lookups: Lookups,
  id: string,
): Promise<Project | null> {
  const project = await findProject(db, id);
  return project && mayRead(actor, 'project', project, lookups.formatMembers) ? project : null;
}

/** The record: deliverables delivered or agreed in the visible projects, latest first. */
export function achievements(projects: readonly Project[]): { project: Project; deliverable: Deliverable }[] {
  return projects
    .flatMap((project) =>
      project.deliverables.filter((d) => ACHIEVED.includes(d.status)).map((deliverable) => ({ project, deliverable })),
    )
    .sort(
      (a, b) =>
        (b.deliverable.achievedOn ?? '').localeCompare(a.deliverable.achievedOn ?? '') ||
        a.deliverable.title.localeCompare(b.deliverable.title),
    );
}
