// What the reader may do on a text now, for clients to show or hide actions. Pure: it asks the state
// machine's own guard with the act the reader would send, so it can never disagree with a real attempt
// (except for inputs only the real request carries: the wording, the meeting).
import { can, type Actor } from '../kernel/access/can.ts';
import type { Decision, Text } from './model.ts';
import { procedureActor } from './procedure-actor.ts';
import { guardTransition } from './procedure/silence-procedure.ts';
import type { ProcedureEvent } from './procedure/types.ts';

export interface TextAbilities {
  newVersion: boolean;
  linkLanguageVersion: boolean;
  takePosition: boolean;
  placeReservation: boolean;
  liftReservation: boolean;
  openSilence: boolean;
  extendDeadline: boolean;
  breakSilence: boolean;
  recordAgreement: boolean;
  release: boolean;
}

const later = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();
const RELEASABLE = new Set(['statement', 'chairmans_statement']);

export function textAbilities(actor: Actor, text: Text, decision: Decision | null, now: Date): TextAbilities {
  const at = now.toISOString();
  const who = procedureActor(actor);
  const state = text.state;
  const member = who.member ?? '';
  const ok = (event: ProcedureEvent) => guardTransition(state, event) === null;
  const drafter = can(actor, 'update', { type: 'text', formatMembers: state.formatMembers, part: 'draft' });
  const deadline = state.procedure?.outcome === null ? state.procedure.deadline : at;
  return {
    newVersion: drafter && ok({ type: 'newVersion', actor: who, at }),
    linkLanguageVersion: drafter,
    takePosition:
      state.adoption === null &&
      can(actor, 'create', { type: 'text', formatMembers: state.formatMembers, part: 'position' }),
    placeReservation: ok({ type: 'placeReservation', actor: who, member, reason: 'reason', at }),
    liftReservation: ok({ type: 'liftReservation', actor: who, member, at }),
    openSilence: ok({
      type: 'openSilence',
      actor: who,
      version: state.currentVersion,
      deadline: later(at, 86_400_000),
      timeZone: 'UTC',
      at,
    }),
    extendDeadline: ok({ type: 'extendDeadline', actor: who, deadline: later(deadline, 86_400_000), at }),
    breakSilence: ok({ type: 'breakSilence', actor: who, member, statement: 'statement', at }),
    recordAgreement: ok({
      type: 'recordAgreedAtMeeting',
      actor: who,
      version: state.currentVersion,
      meetingId: 'meeting',
      at,
    }),
    release: mayRelease(actor, text, decision),
  };
}

/** Whether the reader may release this adopted text to the public record now (the register shows it too). */
export function mayRelease(actor: Actor, text: Pick<Text, 'kind' | 'state'>, decision: Decision | null): boolean {
  return (
    decision !== null &&
    decision.releasedRecordItemSlug === null &&
    RELEASABLE.has(text.kind) &&
    can(actor, 'update', { type: 'decision', formatMembers: text.state.formatMembers, part: 'release' })
  );
}

export const isReleasableKind = (kind: string) => RELEASABLE.has(kind);
