// The work programme (PRODUCT.md): projects under bodies, each with topics, lead members, milestones
// and deliverables (due, status, result) and progress reports. "The record" of a body or a topic is
// what its projects achieved: deliverables delivered or agreed.

export const PROJECT_STATUSES = ['planned', 'active', 'completed', 'suspended'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const DELIVERABLE_KINDS = ['milestone', 'deliverable'] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

export const DELIVERABLE_STATUSES = ['planned', 'in_progress', 'delivered', 'agreed', 'deferred', 'dropped'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

/** Statuses that count as achievements in the record. */
export const ACHIEVED: readonly DeliverableStatus[] = ['delivered', 'agreed'];

export interface Deliverable {
  id: string;
  kind: DeliverableKind;
  title: string;
  dueOn: string | null;
  status: DeliverableStatus;
  result: string;
  achievedOn: string | null;
}

export interface ProgressReport {
  id: string;
  reportedOn: string;
  summary: string;
  reportedBy: string;
  createdAt: string;
}

export interface Project {
  id: string;
  bodyCode: string;
  formatCode: string;
  title: string;
  description: string;
  status: ProjectStatus;
  startsOn: string | null;
  endsOn: string | null;
  isPublic: boolean;
  topics: string[];
  leadMembers: string[];
  deliverables: Deliverable[];
  progressReports: ProgressReport[];
  updatedAt: string;
}

/** The comparable content of a project's own fields (deliverables and reports have their own writes). */
export function projectContent(p: Project) {
  const { updatedAt: _u, deliverables: _d, progressReports: _r, ...rest } = p;
  return rest;
}

/** Why a deliverable cannot be as given at `now` (a field-named refusal), or null. Pure. */
export function deliverableProblem(
  d: Pick<Deliverable, 'status' | 'achievedOn'>,
  now: Date,
): { path: string; message: string } | null {
  const achieved = ACHIEVED.includes(d.status);
  if (achieved && !d.achievedOn) return { path: 'achievedOn', message: `is required when the status is "${d.status}"` };
  if (!achieved && d.achievedOn)
    return { path: 'achievedOn', message: 'is only for deliverables that are delivered or agreed' };
  if (d.achievedOn && d.achievedOn > now.toISOString().slice(0, 10))
    return { path: 'achievedOn', message: 'cannot be in the future' };
  return null;
}
