// Writes to the work programme through `auditedWrite`: each checks references and rules, refuses with
// a catalogued error naming the field, and records its audit event in the same transaction. A write
// that changes nothing writes nothing.
import { randomUUID } from 'node:crypto';
import { auditedWrite, type Tx, type WriteContext, type WriteOutcome } from '../kernel/audit/audited-write.ts';
import { diffFields } from '../kernel/diff.ts';
import { findBody } from '../council/repositories/bodies.repository.ts';
import { unknownMemberCodes } from '../council/repositories/members.repository.ts';
import { unknownTopicCodes } from '../council/repositories/topics.repository.ts';
import { refuseInvalid, refuseUnknown } from '../kernel/access/visibility.ts';
import { findPlacement, formatBeyondBody } from '../meetings/item-placement.ts';
import type { Database } from '../kernel/db/connect.ts';
import { AppError, notFound, type ErrorDetail } from '../kernel/errors.ts';
import { deliverableProblem, projectContent, type Deliverable, type Project } from './model.ts';
import { topicOrdering } from '../meetings/topic-order.ts';
import * as repo from './projects.repository.ts';
import type {
  DeliverableCreate,
  DeliverablePatch,
  ProgressReportCreate,
  ProjectCreate,
  ProjectPatch,
} from './projects.schemas.ts';

async function checkProject(tx: Tx, p: Project): Promise<void> {
  const problems: (ErrorDetail | null)[] = [];
  const placement = await findPlacement(tx, p, problems);
  const { format } = placement;
  const unknownTopics = await unknownTopicCodes(tx, p.topics);
  p.topics.forEach(
    (t, i) => unknownTopics.includes(t) && problems.push({ path: `topics[${i}]`, message: `no topic "${t}"` }),
  );
  const unknownMembers = await unknownMemberCodes(tx, p.leadMembers);
  p.leadMembers.forEach(
    (m, i) => unknownMembers.includes(m) && problems.push({ path: `leadMembers[${i}]`, message: `no member "${m}"` }),
  );
  refuseUnknown(problems);
  refuseInvalid([
    await formatBeyondBody(tx, placement),
    p.startsOn && p.endsOn && p.endsOn < p.startsOn ? { path: 'endsOn', message: 'must not be before startsOn' } : null,
    // A lead member outside the format would learn of a project they may not see.
    ...p.leadMembers.map((m, i) =>
      format && !format.members.includes(m)
        ? { path: `leadMembers[${i}]`, message: `"${m}" is not in the format "${format.code}"` }
        : null,
    ),
  ]);
}

function toDeliverable(input: DeliverableCreate, id: string, now: Date, path: string): Deliverable {
  const d: Deliverable = {
    id,
    kind: input.kind,
    title: input.title,
    dueOn: input.dueOn,
    status: input.status,
    result: input.result,
    achievedOn: input.achievedOn,
  };
  const problem = deliverableProblem(d, now);
  refuseInvalid([problem ? { path: `${path}${problem.path}`, message: problem.message } : null]);
  return d;
}

/** Creates, changes or upserts (demo) a project; on create it may bring its first deliverables. */
export async function saveProject(
  database: Database,
  ctx: WriteContext,
  id: string | null,
  input: ProjectCreate | ProjectPatch,
  mode: 'create' | 'update' | 'upsert',
): Promise<WriteOutcome<Project>> {
  const projectId = id ?? randomUUID();
  const initial = 'deliverables' in input ? input.deliverables : null;
  return auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      const current = await repo.findProject(tx, projectId);
      if (current && mode === 'create')
        throw new AppError('ALREADY_EXISTS', `A project "${projectId}" already exists.`, [
          { path: 'id', message: 'is already used' },
        ]);
      if (!current && mode === 'update') throw notFound('project', projectId);
      const bodyCode = input.body ?? current?.bodyCode;
      const title = input.title ?? current?.title;
      refuseInvalid([
        !bodyCode ? { path: 'body', message: 'is required' } : null,
        !title ? { path: 'title', message: 'is required' } : null,
      ]);
      const body = await findBody(tx, bodyCode!);
      const ordered = await topicOrdering(tx);
      const next: Project = {
        id: projectId,
        bodyCode: bodyCode!,
        formatCode:
          input.format ??
          (input.body !== undefined && input.body !== current?.bodyCode ? body?.formatCode : current?.formatCode) ??
          body?.formatCode ??
          '',
        title: title!,
        description: input.description ?? current?.description ?? '',
        status: input.status ?? current?.status ?? 'active',
        startsOn: input.startsOn !== undefined ? input.startsOn : (current?.startsOn ?? null),
        endsOn: input.endsOn !== undefined ? input.endsOn : (current?.endsOn ?? null),
        isPublic: input.public ?? current?.isPublic ?? false,
        topics: ordered(input.topics ?? current?.topics ?? []),
        leadMembers: input.leadMembers ?? current?.leadMembers ?? [],
        deliverables: current?.deliverables ?? [],
        progressReports: current?.progressReports ?? [],
        updatedAt: current?.updatedAt ?? '',
      };
      await checkProject(tx, next);
      const now = ctx.now.toISOString();
      if (current) {
        const changes = diffFields(projectContent(current), projectContent(next));
        if (Object.keys(changes).length === 0) return { item: current, changed: false };
        await repo.saveProject(tx, next, now, false);
        audit.record({ action: 'project.updated', objectType: 'project', objectId: projectId, summary: { changes } });
        return { item: { ...next, updatedAt: now }, changed: true };
      }
      const deliverables = (initial ?? []).map((d, i) =>
        toDeliverable(d, randomUUID(), ctx.now, `deliverables[${i}].`),
      );
      await repo.saveProject(tx, next, now, true);
      for (const [i, d] of deliverables.entries()) await repo.saveDeliverable(tx, projectId, d, i, now, true);
      audit.record({
        action: 'project.created',
        objectType: 'project',
        objectId: projectId,
        summary: { created: { ...projectContent(next), deliverables } },
      });
      return { item: { ...next, deliverables, updatedAt: now }, changed: true };
    },
    { allowNoEvent: true },
  );
}

// Loads the project for a write to one of its parts, or answers 404.
async function loadForWrite(tx: Tx, projectId: string): Promise<Project> {
  const project = await repo.findProject(tx, projectId);
  if (!project) throw notFound('project', projectId);
  return project;
}

/** Adds ('create'), changes ('update') or upserts (the demo, with stable ids) a milestone or deliverable. */
export async function saveDeliverable(
  database: Database,
  ctx: WriteContext,
  projectId: string,
  deliverableId: string | null,
  input: DeliverableCreate | DeliverablePatch,
  mode: 'create' | 'update' | 'upsert',
): Promise<WriteOutcome<Deliverable>> {
  return auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      const project = await loadForWrite(tx, projectId);
      const index = project.deliverables.findIndex((d) => d.id === deliverableId);
      const current = index >= 0 ? project.deliverables[index]! : null;
      if (!current && mode === 'update') throw notFound('deliverable', deliverableId ?? '');
      if (current && mode === 'create')
        throw new AppError('ALREADY_EXISTS', `A deliverable "${current.id}" already exists.`, [
          { path: 'id', message: 'is already used' },
        ]);
      const merged = {
        kind: 'deliverable' as const,
        dueOn: null,
        status: 'planned' as const,
        result: '',
        achievedOn: null,
        ...current,
        ...input,
      } as DeliverableCreate;
      refuseInvalid([!merged.title ? { path: 'title', message: 'is required' } : null]);
      const next = toDeliverable(merged, current?.id ?? deliverableId ?? randomUUID(), ctx.now, '');
      const now = ctx.now.toISOString();
      if (current) {
        const changes = diffFields(current, next);
        if (Object.keys(changes).length === 0) return { item: current, changed: false };
        await repo.saveDeliverable(tx, projectId, next, index, now, false);
        audit.record({
          action: 'project.deliverable_updated',
          objectType: 'project',
          objectId: projectId,
          summary: { deliverable: next.id, changes },
        });
      } else {
        await repo.saveDeliverable(tx, projectId, next, project.deliverables.length, now, true);
        audit.record({
          action: 'project.deliverable_added',
          objectType: 'project',
          objectId: projectId,
          summary: { deliverable: next },
        });
      }
      await repo.touchProject(tx, projectId, now);
      return { item: next, changed: true };
    },
    { allowNoEvent: true },
  );
}

/** Removes a milestone or deliverable from a project. */
export async function removeDeliverable(
  database: Database,
  ctx: WriteContext,
  projectId: string,
  deliverableId: string,
): Promise<void> {
  await auditedWrite(database, ctx, async (tx, audit) => {
    const project = await loadForWrite(tx, projectId);
    const current = project.deliverables.find((d) => d.id === deliverableId);
    if (!current) throw notFound('deliverable', deliverableId);
    await repo.deleteDeliverable(tx, projectId, deliverableId);
    await repo.touchProject(tx, projectId, ctx.now.toISOString());
    audit.record({
      action: 'project.deliverable_removed',
      objectType: 'project',
      objectId: projectId,
      summary: { deliverable: current },
    });
  });
}

/** Files a progress report; the same report (same id, or same date and text) filed twice is no change. */
export async function addProgressReport(
  database: Database,
  ctx: WriteContext,
  projectId: string,
  input: ProgressReportCreate,
  reportId: string | null = null,
): Promise<WriteOutcome<Project>> {
  return auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      const project = await loadForWrite(tx, projectId);
      if (
        project.progressReports.some(
          (r) => r.id === reportId || (r.reportedOn === input.reportedOn && r.summary === input.summary),
        )
      )
        return { item: project, changed: false };
      const now = ctx.now.toISOString();
      const report = {
        id: reportId ?? randomUUID(),
        reportedOn: input.reportedOn,
        summary: input.summary,
        reportedBy: ctx.actor,
        createdAt: now,
      };
      await repo.insertProgressReport(tx, projectId, report);
      await repo.touchProject(tx, projectId, now);
      audit.record({
        action: 'project.progress_reported',
        objectType: 'project',
        objectId: projectId,
        summary: { report: { id: report.id, reportedOn: report.reportedOn, summary: report.summary } },
      });
      return {
        item: { ...project, progressReports: [...project.progressReports, report], updatedAt: now },
        changed: true,
      };
    },
    { allowNoEvent: true },
  );
}

/** Deletes a project with its deliverables and reports; refused while events still link to it. */
export async function deleteProject(database: Database, ctx: WriteContext, id: string): Promise<void> {
  await auditedWrite(database, ctx, async (tx, audit) => {
    const current = await loadForWrite(tx, id);
    const references = await repo.projectReferences(tx, id);
    if (references.length)
      throw new AppError(
        'IN_USE',
        `The project "${id}" is still linked from ${references.join(', ')}. Remove those links first.`,
      );
    await repo.deleteProject(tx, id);
    audit.record({
      action: 'project.deleted',
      objectType: 'project',
      objectId: id,
      summary: { deleted: projectContent(current) },
    });
  });
}
