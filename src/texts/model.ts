// Draft texts as the rest of the texts module sees them. The procedure state (TextState) is the pure
// state machine's (./procedure); the rest is what a text is about.
import type { TextKind } from '../kernel/db/schema-texts.ts';
import type { ProcedureEffect, TextState } from './procedure/types.ts';

export type { TextKind };
export const TEXT_KINDS = [
  'statement',
  'decision',
  'concept',
  'chairmans_statement',
] as const satisfies readonly TextKind[];
export const TEXT_KIND_LABELS: Record<TextKind, string> = {
  statement: 'Statement',
  decision: 'Decision',
  concept: 'Concept',
  chairmans_statement: "Chairman's Statement",
};

export interface Text {
  id: string;
  bodyCode: string;
  formatCode: string;
  kind: TextKind;
  title: string;
  language: string;
  languageGroupId: string;
  /** The procedure state; `state.formatMembers` are the members of the format when the text was made. */
  state: TextState;
  rowVersion: number;
  deadlineAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface TextVersion {
  number: number;
  body: string;
  author: string;
  authorName: string;
  note: string;
  createdAt: string;
}

export type PositionKind = 'support' | 'comment' | 'reservation_placed' | 'reservation_lifted' | 'silence_broken';

export interface TextPosition {
  id: string;
  memberCode: string;
  kind: PositionKind;
  version: number;
  statement: string;
  by: string;
  at: string;
}

export interface ProcedureEventRecord {
  seq: number;
  effect: ProcedureEffect;
  recordedAt: string;
}

export interface Decision {
  reference: string;
  textId: string;
  version: number;
  adoptedAt: string;
  how: 'silence' | 'meeting';
  meetingId: string | null;
  procedure: number | null;
  recordedAt: string;
  releasedRecordItemSlug: string | null;
  releasedAt: string | null;
}
