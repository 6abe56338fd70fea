// Kysely's view of the tables. Conventions, the same on SQLite and PostgreSQL so that one query layer
// serves both: identifiers are text (readable codes for reference data, UUIDs otherwise); instants are
// ISO-8601 UTC strings ('2002-09-25T08:00:00.000Z') and calendar dates 'YYYY-MM-DD', which compare
// correctly as text; JSON is stored as text; booleans are 0/1 integers.
import type { MeetingsEventsTables } from './schema-meetings-events.ts';
import type { TextsTables } from './schema-texts.ts';
import type { AccountsTables } from './schema-accounts.ts';
import type { NotificationsTables } from './schema-notifications.ts';
import type { SearchTables } from './schema-search.ts';

export interface CouncilTable {
  id: string; // always 'council': the installation serves one council
  name: string;
  short_name: string;
  description: string;
  established_on: string | null;
  founding_text: string | null;
  updated_at: string;
}

export interface MemberTable {
  code: string; // e.g. 'POL'; immutable, used in URLs
  name: string;
  sort_name: string; // seating order (English alphabetical by default)
  kind: 'state' | 'organisation';
  joined_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberGroupTable {
  member_code: string;
  group_name: string; // e.g. 'Ally', 'Partner'
}

export interface FormatTable {
  code: string; // e.g. 'nrc-20'
  name: string; // e.g. 'NRC (at 20)'
  description: string;
  created_at: string;
  updated_at: string;
}

export interface FormatMemberTable {
  format_code: string;
  member_code: string;
}

export interface PersonTable {
  id: string;
  name: string;
  honorific: string | null; // e.g. 'Lord', 'Ambassador'
  demo: number; // 1 when invented for the demo data set
  created_at: string;
  updated_at: string;
}

export interface PersonFunctionTable {
  id: string;
  person_id: string;
  title: string; // e.g. 'Secretary General', 'Minister of Defence'
  member_code: string | null; // null: international staff, serving the council rather than a member
  started_on: string | null;
  ended_on: string | null;
  position: number;
}

export interface BodyTable {
  code: string; // e.g. 'wg-tmd'
  name: string;
  kind: 'council' | 'preparatory_committee' | 'working_group' | 'ad_hoc_group' | 'expert_group' | 'committee';
  parent_code: string | null;
  format_code: string;
  chair_person_id: string | null;
  description: string;
  is_public: number; // 1: the body's existence and name may be shown on public pages
  created_at: string;
  updated_at: string;
}

export interface BodyTopicTable {
  body_code: string;
  topic_code: string;
}

export interface TopicTable {
  code: string; // e.g. 'terrorism'
  name: string;
  description: string;
  source: string | null; // e.g. 'Rome Declaration, 28 May 2002'
  position: number;
  created_at: string;
  updated_at: string;
}

export interface AuditEventTable {
  seq: number; // 1, 2, 3 ... without gaps: a gap is a missing row
  occurred_at: string;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  summary: string; // JSON
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number; // always 1
  seq: number;
  hash: string;
}

export interface RecordItemTable {
  id: string;
  seq: number;
  slug: string;
  identity_key: string;
  version_group: string;
  kind: string;
  kind_slug: string;
  title: string;
  date: string | null;
  date_start: string | null;
  year: number | null;
  month: number | null;
  updated: string | null;
  collection: string | null;
  place_city: string | null;
  place_country: string | null;
  speaker: string | null;
  speaker_slug: string | null;
  occasion: string | null;
  reference: string | null;
  language: string;
  body: string;
  flags: string; // JSON array of FieldFlag
  revision: number;
  published: number;
  first_published_at: string;
  last_updated_at: string;
}

export interface RecordRevisionTable {
  item_id: string;
  revision: number;
  fingerprint: string;
  content: string;
  source: string;
  created_at: string;
}

export interface RecordSourceTable {
  source: string;
  item_id: string;
  fingerprint: string;
  imported_at: string;
}

// Tables of meetings, the work programme and the calendar (migration 0004) are typed beside this file.
export interface DB extends MeetingsEventsTables, TextsTables, AccountsTables, NotificationsTables, SearchTables {
  council: CouncilTable;
  members: MemberTable;
  member_groups: MemberGroupTable;
  formats: FormatTable;
  format_members: FormatMemberTable;
  persons: PersonTable;
  person_functions: PersonFunctionTable;
  bodies: BodyTable;
  body_topics: BodyTopicTable;
  topics: TopicTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  record_items: RecordItemTable;
  record_revisions: RecordRevisionTable;
  record_sources: RecordSourceTable;
}
