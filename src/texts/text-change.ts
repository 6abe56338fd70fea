// What the texts module tells the rest of Concord when a text changes: the contract for live updates
// (src/live) and notifications (src/notifications). Stable: add optional fields, never rename.
//
// - `enqueueNotifications(tx, change)` runs INSIDE the write's transaction, once per change, after the
//   data and before the audit events are appended: an outbox row written there commits (or rolls back)
//   with the change itself.
// - `onTextChange(change)` runs AFTER the commit, once per change, in order; it must not throw (errors
//   are caught and ignored by the service, so a failing listener never fails a committed write).
import type { Tx } from '../kernel/audit/audited-write.ts';
import type { TextStatus } from './procedure/types.ts';

export const TEXT_CHANGE_KINDS = [
  'version_created',
  'position_recorded',
  'reservation_placed',
  'reservation_lifted',
  'silence_opened',
  'deadline_extended',
  'silence_broken',
  'adopted',
  'failed',
  'released',
] as const;

export type TextChangeKind = (typeof TEXT_CHANGE_KINDS)[number];

export interface TextChange {
  kind: TextChangeKind;
  textId: string;
  /** The text's title and kind ('statement', 'decision', 'concept', 'chairmans_statement'), for messages. */
  title: string;
  textKind: string;
  bodyCode: string;
  formatCode: string;
  /** The members of the text's format: exactly the delegations entitled to hear of the change (staff always are). */
  formatMembers: readonly string[];
  /** When it happened, ISO UTC. For an adoption by silence: the deadline in force (see recordedAt). */
  at: string;
  /** When the server recorded it, ISO UTC (differs from `at` when a deadline was noticed late). */
  recordedAt: string;
  /** Who acted, as in the audit trail: 'user:<id>', 'admin-token', 'system:deadlines', 'system:demo'. */
  by: string;
  /** The text's status after the change. */
  status: TextStatus;
  /** The version concerned (created, under silence, adopted, released). */
  version?: number;
  /** The silence procedure's number (1, 2, ...), for silence_opened, deadline_extended, silence_broken, failed, adopted by silence. */
  procedure?: number;
  /** The member concerned: who took a position, placed or lifted a reservation, broke silence. */
  member?: string;
  /** support | comment, for position_recorded. */
  position?: 'support' | 'comment';
  /** The deadline in force (silence_opened, deadline_extended) and the zone it was given in. */
  deadline?: string;
  timeZone?: string;
  /** The decision reference (adopted, released), e.g. 'NRC-20-D(2002)0007'. */
  reference?: string;
  /** adopted: 'silence' or 'meeting'; meetingId when at a meeting. */
  how?: 'silence' | 'meeting';
  meetingId?: string;
  /** released: the public record item's slug (/record/:slug). */
  recordSlug?: string;
}

/** Called after commit, once per change, in order. */
export type OnTextChange = (change: TextChange) => void | Promise<void>;

/** Called inside the write's transaction, once per change (an outbox writes its rows here). */
export type EnqueueNotifications = (tx: Tx, change: TextChange) => Promise<void>;

/** The optional hooks of the texts service (deps of TextService, and of AppDeps as `textHooks`). */
export interface TextChangeHooks {
  onTextChange?: OnTextChange;
  enqueueNotifications?: EnqueueNotifications;
}
