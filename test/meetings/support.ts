// Test support for meetings, the work programme and the calendar: audit counts, the demo's ids, and
// iCalendar feeds read back with a real parser (ical.js).
import ICAL from 'ical.js';
import type { TestApp } from '../support/app.ts';
import { demoUuid } from '../../src/demo/load-demo.ts';

export { DEMO, signIn } from '../accounts/helpers.ts';
export const json = { 'content-type': 'application/json' };

/** Ids of the demo's items (stable across loads). */
export const IDS = {
  meetingAt19: demoUuid('meeting:warsaw-2002-09-24-nato'),
  meetingAt20: demoUuid('meeting:warsaw-2002-09-25-nrc'),
  peacekeeping: demoUuid('project:peacekeeping'),
  civilEmergencies: demoUuid('project:civil-emergencies'),
  bogorodsk: demoUuid('event:bogorodsk-2002'),
  moscow: demoUuid('event:terrorism-conference-moscow'),
  robertson: demoUuid('person:robertson'),
  ivanov: demoUuid('person:sergei-ivanov'),
};

/** The number of audit events, optionally of one action. */
export async function auditCount(t: TestApp, action?: string): Promise<number> {
  let query = t.db.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n'));
  if (action) query = query.where('action', '=', action);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The last audit event of an action, with its parsed summary. */
export async function lastAudit(t: TestApp, action: string) {
  const row = await t.db.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return { ...row, summary: JSON.parse(row.summary) as Record<string, unknown> };
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  start: string; // '2002-09-25' (all day) or an ISO instant
  end: string;
  allDay: boolean;
  status: string;
  location: string | null;
}

/** Parses an iCalendar feed with ical.js and lists its VEVENTs. */
export function parseFeed(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const when = (t: ICAL.Time) => (t.isDate ? t.toString() : t.toJSDate().toISOString());
    return {
      uid: e.uid,
      summary: e.summary,
      start: when(e.startDate),
      end: when(e.endDate),
      allDay: e.startDate.isDate,
      status: String(v.getFirstPropertyValue('status')),
      location: e.location ?? null,
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}
