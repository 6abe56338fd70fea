// The work programme as /api/v1 answers it (src/work-programme/projects.schemas.ts), and the words for
// its codes.
import type { Ref } from '../calendar/model.ts';

// The server's own lists (a pure file with no imports), so the forms offer exactly what it accepts.
import {
  ACHIEVED,
  DELIVERABLE_KINDS,
  DELIVERABLE_STATUSES,
  PROJECT_STATUSES,
  type DeliverableStatus,
} from '../../../../src/work-programme/model.ts';

export { ACHIEVED, DELIVERABLE_KINDS, DELIVERABLE_STATUSES, PROJECT_STATUSES, type DeliverableStatus };

export interface Deliverable {
  id: string;
  kind: (typeof DELIVERABLE_KINDS)[number];
  title: string;
  dueOn: string | null;
  status: DeliverableStatus;
  result: string;
  achievedOn: string | null;
}

export interface ProjectSummary {
  id: string;
  title: string;
  body: Ref | null;
  format: Ref;
  status: (typeof PROJECT_STATUSES)[number];
  startsOn: string | null;
  endsOn: string | null;
  public: boolean;
  topics: Ref[];
  leadMembers: Ref[];
  /** What the reader may do with it, decided by the server. */
  abilities: { update: boolean; delete: boolean };
}

export interface Project extends ProjectSummary {
  description: string;
  deliverables: Deliverable[];
  progressReports: { id: string; reportedOn: string; summary: string }[];
  updatedAt: string;
}

export interface Achievements {
  subject: Ref;
  total: number;
  items: { project: { id: string; title: string; body: Ref | null }; deliverable: Deliverable; topics: Ref[] }[];
}

export interface Body {
  code: string;
  name: string;
  kind: string;
  parent: string | null;
  format: string;
  public: boolean;
}

const LABELS: Record<string, string> = {
  planned: 'Planned',
  active: 'Active',
  completed: 'Completed',
  suspended: 'Suspended',
  in_progress: 'In progress',
  delivered: 'Delivered',
  agreed: 'Agreed',
  deferred: 'Deferred',
  dropped: 'Dropped',
  milestone: 'Milestone',
  deliverable: 'Deliverable',
};
export const wpLabel = (code: string) => LABELS[code] ?? code.replace(/_/g, ' ');

const TONES: Record<string, string> = {
  active: 'warn',
  in_progress: 'warn',
  completed: 'ok',
  delivered: 'ok',
  agreed: 'ok',
  suspended: 'bad',
  dropped: 'bad',
  deferred: 'bad',
};
export const wpTone = (code: string) => TONES[code] ?? '';
