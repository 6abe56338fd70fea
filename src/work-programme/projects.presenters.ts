// API shapes of the work programme with explicit field lists; names come from the reader's lookups.
import { bodyRef, formatRef, itemAbilities, memberRef, topicRef, type Lookups } from '../council/lookups.ts';
import type { Deliverable, Project } from './model.ts';

export const presentDeliverable = (d: Deliverable) => ({
  id: d.id,
  kind: d.kind,
  title: d.title,
  dueOn: d.dueOn,
  status: d.status,
  result: d.result,
  achievedOn: d.achievedOn,
});

export const presentProjectSummary = (p: Project, l: Lookups) => ({
  id: p.id,
  title: p.title,
  body: bodyRef(l, p.bodyCode),
  format: formatRef(l, p.formatCode),
  status: p.status,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  public: p.isPublic,
  topics: p.topics.map((t) => topicRef(l, t)),
  leadMembers: p.leadMembers.map((m) => memberRef(l, m)!),
  abilities: itemAbilities(l, 'project', p),
});

export const presentProject = (p: Project, l: Lookups) => ({
  ...presentProjectSummary(p, l),
  description: p.description,
  deliverables: p.deliverables.map(presentDeliverable),
  // Who filed a report is kept in the audit trail; the report itself is what readers need.
  progressReports: p.progressReports.map((r) => ({ id: r.id, reportedOn: r.reportedOn, summary: r.summary })),
  updatedAt: p.updatedAt,
});

export const presentAchievement = (a: { project: Project; deliverable: Deliverable }, l: Lookups) => ({
  project: { id: a.project.id, title: a.project.title, body: bodyRef(l, a.project.bodyCode) },
  deliverable: presentDeliverable(a.deliverable),
  topics: a.project.topics.map((t) => topicRef(l, t)),
});
