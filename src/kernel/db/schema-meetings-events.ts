// Kysely's view of the tables of migration 0004: meetings, the work programme, the events calendar and
// personal calendar feed tokens. Same conventions as schema.ts: text ids (UUIDs), instants as ISO UTC
// text plus the IANA zone they were given in, dates 'YYYY-MM-DD', JSON as text, booleans 0/1.

export interface MeetingTable {
  id: string;
  body_code: string;
  format_code: string; // the body's format by default; stored, since need-to-know is decided on it
  title: string;
  level: string; // e.g. 'Defence Ministers', 'Ambassadors'
  starts_at: string; // ISO UTC
  ends_at: string; // ISO UTC
  time_zone: string; // IANA zone the times were given in, e.g. 'Europe/Warsaw'
  venue_name: string | null;
  venue_city: string | null;
  venue_country: string | null;
  host_member_code: string | null;
  status: 'planned' | 'held' | 'record_approved';
  outcome_summary: string;
  outcome_decisions: string; // JSON array of strings
  is_public: number;
  created_at: string;
  updated_at: string;
}

export interface MeetingAgendaItemTable {
  id: string;
  meeting_id: string;
  position: number;
  subject_area: string; // the heading the item is grouped under
  title: string;
  description: string;
  documents: string; // JSON array of document references, e.g. ["NRC(2002)0045"]
}

export interface MeetingAgendaItemTopicTable {
  agenda_item_id: string;
  topic_code: string;
}

export interface MeetingParticipantTable {
  id: string;
  meeting_id: string;
  position: number;
  person_id: string;
  member_code: string | null; // null: international staff
  function: string; // e.g. 'Chair', 'Minister of Defence'
}

export interface ProjectTable {
  id: string;
  body_code: string;
  format_code: string;
  title: string;
  description: string;
  status: 'planned' | 'active' | 'completed' | 'suspended';
  starts_on: string | null;
  ends_on: string | null;
  is_public: number;
  created_at: string;
  updated_at: string;
}

export interface ProjectTopicTable {
  project_id: string;
  topic_code: string;
}

export interface ProjectLeadMemberTable {
  project_id: string;
  member_code: string;
  position: number;
}

export interface ProjectDeliverableTable {
  id: string;
  project_id: string;
  position: number;
  kind: 'milestone' | 'deliverable';
  title: string;
  due_on: string | null;
  status: 'planned' | 'in_progress' | 'delivered' | 'agreed' | 'deferred' | 'dropped';
  result: string;
  achieved_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectProgressReportTable {
  id: string;
  project_id: string;
  reported_on: string;
  summary: string;
  reported_by: string; // the audit name of the actor who filed it
  created_at: string;
}

export interface EventSeriesTable {
  code: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface EventTable {
  id: string;
  kind: 'conference' | 'seminar' | 'experts_meeting' | 'exercise' | 'visit' | 'other';
  title: string;
  description: string;
  date_text: string; // as announced, for display: 'early October 2002'
  date_precision: 'day' | 'range' | 'month' | 'part_of_month' | 'year';
  starts_on: string; // inclusive bounds for calendar placement (src/calendar/event-dates.ts)
  ends_on: string;
  place_name: string | null;
  place_city: string | null;
  place_country: string | null;
  host_member_code: string | null;
  series_code: string | null;
  series_ordinal: number | null;
  status: 'planned' | 'ongoing' | 'held' | 'cancelled';
  body_code: string | null;
  format_code: string;
  is_public: number;
  created_at: string;
  updated_at: string;
}

export interface EventTopicTable {
  event_id: string;
  topic_code: string;
}

export interface EventProjectTable {
  event_id: string;
  project_id: string;
}

export interface CalendarFeedTokenTable {
  id: string;
  token_hash: string; // SHA-256 hex of the secret; the secret itself is shown once and never stored
  user_id: string; // no foreign key: see migration 0004
  label: string;
  created_at: string;
  revoked_at: string | null;
}

export interface MeetingsEventsTables {
  meetings: MeetingTable;
  meeting_agenda_items: MeetingAgendaItemTable;
  meeting_agenda_item_topics: MeetingAgendaItemTopicTable;
  meeting_participants: MeetingParticipantTable;
  projects: ProjectTable;
  project_topics: ProjectTopicTable;
  project_lead_members: ProjectLeadMemberTable;
  project_deliverables: ProjectDeliverableTable;
  project_progress_reports: ProjectProgressReportTable;
  event_series: EventSeriesTable;
  events: EventTable;
  event_topics: EventTopicTable;
  event_projects: EventProjectTable;
  calendar_feed_tokens: CalendarFeedTokenTable;
}
