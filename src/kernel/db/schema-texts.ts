// Kysely's view of the tables of migration 0005: draft texts, their versions, positions, procedure
// history and the decision register. Same conventions as schema.ts (text ids, ISO UTC instants, JSON
// as text).

export type TextKind = 'statement' | 'decision' | 'concept' | 'chairmans_statement';

export interface TextTable {
  id: string;
  body_code: string;
  format_code: string;
  kind: TextKind;
  title: string;
  language: string; // ISO 639-1, e.g. 'en', 'ru'
  language_group_id: string; // texts sharing it are language versions of one another
  status: 'drafting' | 'under_silence' | 'adopted'; // copy of state.status, for lists
  state: string; // JSON of TextState (src/texts/procedure/types.ts)
  row_version: number; // +1 at every change
  deadline_at: string | null; // the open procedure's deadline in force; null otherwise
  created_by: string; // audit name of the creator
  created_at: string;
  updated_at: string;
}

export interface TextVersionTable {
  text_id: string;
  number: number; // 1, 2, 3 ...
  body: string;
  author: string; // audit name, e.g. 'user:<id>'
  author_name: string; // for display
  note: string;
  created_at: string;
}

export interface TextPositionTable {
  id: string;
  text_id: string;
  member_code: string;
  kind: 'support' | 'comment' | 'reservation_placed' | 'reservation_lifted' | 'silence_broken';
  version: number; // the current version when the position was taken
  statement: string;
  taken_by: string; // audit name
  at: string;
}

export interface TextProcedureEventTable {
  text_id: string;
  seq: number; // 1, 2, 3 ... per text
  type: string; // ProcedureEffect['type']
  at: string;
  by_user: string | null; // user id, null for the system
  effect: string; // JSON of the ProcedureEffect
  recorded_at: string;
}

export interface DecisionTable {
  reference: string; // e.g. 'NRC-20-D(2002)0007'
  prefix: string; // the format's series, 'NRC-20-D' (texts.service.ts, decisionSeries)
  year: number;
  sequence: number;
  text_id: string;
  version: number;
  adopted_at: string;
  how: 'silence' | 'meeting';
  meeting_id: string | null;
  procedure: number | null;
  recorded_at: string;
  released_record_item_slug: string | null;
  released_at: string | null;
}

export interface TextsTables {
  texts: TextTable;
  text_versions: TextVersionTable;
  text_positions: TextPositionTable;
  text_procedure_events: TextProcedureEventTable;
  decisions: DecisionTable;
}
