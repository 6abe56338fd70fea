// Meetings of bodies (PRODUCT.md, "Meeting"): a session of a body at a level, in one format, with its
// time and zone, venue, host, agenda grouped under subject areas, participants and outcome.
import type { MeetingStatus } from './meeting-status.ts';

export interface AgendaItem {
  id: string;
  subjectArea: string;
  title: string;
  description: string;
  topics: string[]; // topic codes
  documents: string[]; // document references, e.g. 'NRC(2002)0045'
}

export interface Participant {
  id: string;
  personId: string;
  memberCode: string | null; // null: international staff
  function: string;
}

export interface Venue {
  name: string | null;
  city: string | null;
  country: string | null;
}

export interface Meeting {
  id: string;
  bodyCode: string;
  formatCode: string;
  title: string;
  level: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: Venue;
  hostMemberCode: string | null;
  status: MeetingStatus;
  outcome: { summary: string; decisions: string[] };
  isPublic: boolean;
  agenda: AgendaItem[];
  participants: Participant[];
  /** When the meeting was last changed (not compared by diffs; iCalendar DTSTAMP). */
  updatedAt: string;
}

/** The comparable content of a meeting: everything but ids of sub-items and the change time. */
export function meetingContent(m: Meeting) {
  const { updatedAt: _updatedAt, agenda, participants, ...rest } = m;
  return {
    ...rest,
    agenda: agenda.map(({ id: _id, ...item }) => item),
    participants: participants.map(({ id: _id, ...p }) => p),
  };
}
