// The shapes of the meetings API as the workspace reads them (src/meetings/meetings.schemas.ts:
// meetingSummaryOut, meetingOut, meetingCreate), and of the reference lists the form offers.

export interface Ref {
  code: string;
  name: string;
}

export type MeetingStatus = 'planned' | 'held' | 'record_approved';
export const MEETING_STATUSES: readonly MeetingStatus[] = ['planned', 'held', 'record_approved'];

export interface MeetingSummary {
  id: string;
  title: string;
  /** null when the reader may not see the body. */
  body: Ref | null;
  format: Ref;
  level: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  local: { date: string; start: string; end: string; endDate: string; offset: string };
  venue: { name: string | null; city: string | null; country: string | null };
  host: Ref | null;
  status: MeetingStatus;
  public: boolean;
  /** What the reader may do with it, decided by the server. */
  abilities: { update: boolean; delete: boolean };
}

export interface AgendaGroup {
  subjectArea: string;
  items: { id: string; title: string; description: string; topics: Ref[]; documents: string[] }[];
}

export interface Meeting extends MeetingSummary {
  agenda: AgendaGroup[];
  participants: { id: string; person: { id: string; name: string }; member: Ref | null; function: string }[];
  outcome: { summary: string; decisions: string[] };
  updatedAt: string;
}

export interface MeetingList {
  total: number;
  items: MeetingSummary[];
}

export interface Body {
  code: string;
  name: string;
  format: string;
  public: boolean;
}
export interface Format {
  code: string;
  name: string;
  members: string[];
}
export interface Member {
  code: string;
  name: string;
}
export interface Topic {
  code: string;
  name: string;
}
export interface Person {
  id: string;
  name: string;
}
export interface Items<T> {
  items: T[];
}
