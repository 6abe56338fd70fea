// The life of a meeting: planned → held → record approved, one step at a time and never back. Pure:
// the clock is passed in, so "a meeting cannot be held before it starts" is testable at any date.

export const MEETING_STATUSES = ['planned', 'held', 'record_approved'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What the rules need to know about a meeting. */
export interface MeetingFacts {
  status: MeetingStatus;
  startsAt: string; // ISO UTC
  outcomeSummary: string;
}

/** A refusal naming the input field at fault, for a coded 4xx. */
export interface StatusRefusal {
  path: string;
  message: string;
}

const NEXT: Record<MeetingStatus, MeetingStatus | null> = {
  planned: 'held',
  held: 'record_approved',
  record_approved: null,
};

/** Why `facts` cannot carry status `status` at `now`, or null when it can (used on create and on change). */
export function statusProblem(facts: MeetingFacts, now: Date): StatusRefusal | null {
  if (facts.status !== 'planned' && Date.parse(facts.startsAt) > now.getTime()) {
    return { path: 'status', message: `cannot be "${facts.status}" before the meeting starts (${facts.startsAt})` };
  }
  if (facts.status === 'record_approved' && facts.outcomeSummary.trim() === '') {
    return { path: 'outcome.summary', message: 'is required before the record is approved' };
  }
  return null;
}

/** Checks the move of a meeting from its status to `to` at `now`; returns the refusal or null. */
export function transitionProblem(current: MeetingFacts, to: MeetingStatus, now: Date): StatusRefusal | null {
  if (current.status === to) return null;
  if (NEXT[current.status] !== to) {
    const allowed = NEXT[current.status];
    return {
      path: 'status',
      message: allowed
        ? `can go from "${current.status}" only to "${allowed}"`
        : `is "${current.status}": the approved record is final`,
    };
  }
  return statusProblem({ ...current, status: to }, now);
}
