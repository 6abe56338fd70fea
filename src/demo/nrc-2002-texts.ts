// Texts of the demo (issue 5), made through the same services and state machine as the API, by the demo
// accounts (secretariat officer, chair, heads of delegation):
// - an adopted decision: the generic concept of joint NATO-Russia peacekeeping operations. That the NRC
//   agreed it by September 2002 is in the seed page; its wording is not public, so the text here is a
//   short, clearly labelled [Demo text], and the dates of its drafting and of its silence procedure
//   (deadline 20 September 2002, 12:00 Brussels) are invented (demo data);
// - a draft statement at 20 under silence whose deadline is four hours after the demo loads, with two
//   versions (so the diff shows something) and a comment, all demo data: sign in as the head of the
//   Russian or Polish delegation to break silence, or wait and watch it be adopted.
// Idempotent: a text that exists is left as it is (a second load changes nothing and audits nothing).
// The load report counts each audited step as an item (the text, each later version, position and
// procedure step, the decision), so that, as for the rest of the demo, one item created = one audit event.
import { userActor, type Actor } from '../kernel/access/can.ts';
import { findUserByEmail } from '../accounts/users.repository.ts';
import type { Database } from '../kernel/db/connect.ts';
import { toZoned } from '../kernel/time/zoned-time.ts';
import { findText } from '../texts/texts.repository.ts';
import {
  addVersion,
  createText,
  openSilence,
  reachDeadline,
  recordPosition,
  type TextServiceDeps,
} from '../texts/texts.service.ts';

type Uuid = (key: string) => string;
type Count = (outcome: { changed: boolean }, existed: boolean) => void;

export const DEMO_TEXT_KEYS = {
  peacekeeping: 'text:peacekeeping-generic-concept',
  draft: 'text:draft-statement-terrorism',
} as const;

async function demoActor(database: Database, email: string): Promise<Actor> {
  const account = await findUserByEmail(database.db, email);
  if (!account) throw new Error(`The demo account ${email} is missing: load the demo accounts first.`);
  return userActor(account);
}

const at = (iso: string) => () => new Date(iso);
const shift = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

/** Loads the demo texts that are missing; see the file comment. */
export async function loadDemoTexts(database: Database, now: Date, id: Uuid, count: Count): Promise<void> {
  const secretariat = { actor: await demoActor(database, 'secretariat@demo.concord'), requestId: null };
  const chair = { actor: await demoActor(database, 'chair@demo.concord'), requestId: null };
  const headPl = { actor: await demoActor(database, 'head.pl@demo.concord'), requestId: null };
  const deps = (clock: () => Date): TextServiceDeps => ({ database, now: clock });

  const items = (n: number, changed: boolean) => {
    for (let i = 0; i < n; i += 1) count({ changed }, !changed);
  };
  const peacekeeping = id(DEMO_TEXT_KEYS.peacekeeping);
  // text.created, text.version_created, text.silence_opened, text.adopted, decision.recorded
  if (await findText(database.db, peacekeeping)) items(5, false);
  else {
    await createText(
      deps(at('2002-09-02T09:00:00Z')),
      secretariat,
      {
        body: 'wg-peacekeeping',
        kind: 'concept',
        title: 'Generic concept of joint NATO-Russia peacekeeping operations',
        language: 'en',
        text: '[Demo text] The Allies and Russia set out how they would prepare and conduct a joint peacekeeping operation, should they decide on one.\n\nThe concept covers consultation, planning and command arrangements.',
        note: 'Demo data: draft of the Working Group on Peacekeeping',
      },
      peacekeeping,
    );
    await addVersion(deps(at('2002-09-10T09:00:00Z')), secretariat, peacekeeping, {
      text: '[Demo text] The Allies and Russia set out how they would prepare and conduct a joint peacekeeping operation, should they decide on one, so that they could move quickly to implementation.\n\nThe concept covers consultation, planning, command and logistic arrangements.',
      note: 'Demo data: revised after the Working Group meeting',
    });
    await openSilence(deps(at('2002-09-13T10:00:00Z')), chair, peacekeeping, {
      version: 2,
      deadline: '2002-09-20T12:00',
      timeZone: 'Europe/Brussels',
    });
    await reachDeadline(deps(at('2002-09-20T10:00:00Z')), peacekeeping, new Date('2002-09-20T10:00:00Z'));
    items(5, true);
  }

  const draft = id(DEMO_TEXT_KEYS.draft);
  // text.created, text.version_created, text.position_recorded, text.silence_opened
  if (await findText(database.db, draft)) items(4, false);
  else {
    await createText(
      deps(() => shift(now, -180)),
      secretariat,
      {
        body: 'nrc',
        kind: 'statement',
        title: 'Draft statement on the struggle against terrorism (demo)',
        language: 'en',
        text: '[Demo text] The NATO-Russia Council condemns terrorism in all its forms. Its members will work together against the terrorist threat.',
      },
      draft,
    );
    await addVersion(
      deps(() => shift(now, -120)),
      secretariat,
      draft,
      {
        text: '[Demo text] The NATO-Russia Council condemns terrorism in all its forms and manifestations. Its members will deepen their cooperation against the terrorist threat, including at the conference in Moscow in December.',
        note: 'Demo data: comments of delegations taken in',
      },
    );
    await recordPosition(
      deps(() => shift(now, -90)),
      headPl,
      draft,
      { kind: 'comment', statement: '[Demo] Poland can support version 2.' },
    );
    // Deadline four hours after loading, on the hour, in Brussels time.
    const deadline = new Date(Math.ceil(shift(now, 240).getTime() / 3_600_000) * 3_600_000);
    const local = toZoned(deadline.toISOString(), 'Europe/Brussels');
    await openSilence(
      deps(() => shift(now, -30)),
      chair,
      draft,
      { version: 2, deadline: `${local.date}T${local.time}`, timeZone: 'Europe/Brussels' },
    );
    items(4, true);
  }
}
