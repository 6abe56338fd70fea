// The shapes of /api/v1/texts and /api/v1/decisions as this app reads them (src/texts/texts.schemas.ts).
export type TextKind = 'statement' | 'decision' | 'concept' | 'chairmans_statement';
export type TextStatus = 'drafting' | 'under_silence' | 'adopted';

export interface Ref {
  code: string;
  name: string;
}

export interface TextSummary {
  id: string;
  title: string;
  kind: TextKind;
  language: string;
  body: Ref | null;
  format: Ref;
  status: TextStatus;
  currentVersion: number;
  deadline: string | null;
  /** The zone the open deadline was given in. */
  deadlineTimeZone: string | null;
  reference: string | null;
  updatedAt: string;
}

export interface Procedure {
  sequence: number;
  version: number;
  openedAt: string;
  openedBy: string;
  openedByName: string | null;
  deadline: string;
  timeZone: string;
  deadlineLocal: { date: string; time: string; offset: string };
  extensions: { from: string; to: string; at: string; by: string; byName: string | null }[];
  outcome: 'adopted' | 'failed' | null;
  closedAt: string | null;
  brokenBy: {
    member: string;
    memberName: string;
    statement: string;
    at: string;
    by: string;
    byName: string | null;
  } | null;
}

export interface Position {
  member: Ref;
  kind: string;
  version: number;
  statement: string;
  by: string;
  byName: string | null;
  at: string;
}

export interface Abilities {
  newVersion?: boolean;
  linkLanguageVersion?: boolean;
  takePosition?: boolean;
  placeReservation?: boolean;
  liftReservation?: boolean;
  openSilence?: boolean;
  extendDeadline?: boolean;
  breakSilence?: boolean;
  recordAgreement?: boolean;
  release?: boolean;
}

export interface TextDetail extends TextSummary {
  current: { number: number; text: string };
  versions: {
    number: number;
    author: string;
    authorName: string;
    note: string;
    createdAt: string;
    characters: number;
  }[];
  positions: Position[];
  reservations: { member: Ref; reason: string; placedAt: string; placedBy: string; placedByName: string | null }[];
  procedure: Procedure | null;
  history: Procedure[];
  decision: {
    reference: string;
    adoptedAt: string;
    how: 'silence' | 'meeting';
    meetingId: string | null;
    procedure: number | null;
    version: number;
    released: { slug: string; at: string | null } | null;
  } | null;
  languageVersions: { id: string; language: string; title: string }[];
  abilities: Abilities;
  createdAt: string;
}

export interface Diff {
  from: number;
  to: number;
  inserted: number;
  deleted: number;
  segments: { op: 'equal' | 'insert' | 'delete'; text: string }[];
}

export interface Decision {
  reference: string;
  text: { id: string; title: string; kind: TextKind; language: string };
  body: Ref | null;
  format: Ref;
  version: number;
  wording: string;
  adoptedAt: string;
  how: 'silence' | 'meeting';
  meetingId: string | null;
  procedure: number | null;
  history: Procedure[];
  positions: Position[];
  released: { slug: string; at: string | null } | null;
  /** Whether the reader may release it now, decided by the server. */
  abilities: { release: boolean };
}
