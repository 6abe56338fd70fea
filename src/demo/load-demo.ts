// Loads the demo council through the same audited services as the API. Idempotent: a second load
// finds every item unchanged, writes nothing and adds nothing to the audit trail.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadDemoAccounts } from '../accounts/demo-accounts.ts';
import type { WriteContext } from '../kernel/audit/audited-write.ts';
import * as service from '../council/council.service.ts';
import type { Database } from '../kernel/db/connect.ts';
import { importPage } from '../public-record/import/import-pages.ts';
import { loadDemoMeetingsAndCalendar } from './nrc-2002-meetings.ts';
import { loadDemoTexts } from './nrc-2002-texts.ts';
import { DEMO_BODIES, DEMO_COUNCIL, DEMO_FORMATS, DEMO_MEMBERS, DEMO_PERSONS, DEMO_TOPICS } from './nrc-2002.ts';

export interface DemoReport {
  created: number;
  updated: number;
  unchanged: number;
}

/** A stable UUID (version 5 layout) for a demo item, so ids do not change between loads. */
export function demoUuid(key: string): string {
  const hex = createHash('sha1').update(`concord-demo:${key}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Loads or refreshes the NRC 2002 demo data set; returns what it did. */
export async function loadDemo(database: Database, now: Date, requestId: string | null = null): Promise<DemoReport> {
  const ctx: WriteContext = { actor: 'system:demo', requestId, now };
  const report: DemoReport = { created: 0, updated: 0, unchanged: 0 };
  const count = (outcome: { changed: boolean }, existed: boolean) => {
    if (!outcome.changed) report.unchanged += 1;
    else if (existed) report.updated += 1;
    else report.created += 1;
  };
  const exists = async (table: 'members' | 'formats' | 'topics' | 'bodies', code: string) =>
    (await database.db.selectFrom(table).select('code').where('code', '=', code).executeTakeFirst()) !== undefined;

  const hadCouncil = (await database.db.selectFrom('council').select('id').executeTakeFirst()) !== undefined;
  count(await service.updateCouncil(database, ctx, DEMO_COUNCIL), hadCouncil);
  for (const m of DEMO_MEMBERS) {
    const existed = await exists('members', m.code);
    count(
      await service.saveMember(
        database,
        ctx,
        m.code,
        { name: m.name, joinedOn: m.joinedOn, groups: m.groups, kind: 'state' },
        'upsert',
      ),
      existed,
    );
  }
  for (const f of DEMO_FORMATS) {
    const existed = await exists('formats', f.code);
    count(await service.saveFormat(database, ctx, f.code, f, 'upsert'), existed);
  }
  for (const t of DEMO_TOPICS) {
    const existed = await exists('topics', t.code);
    count(await service.saveTopic(database, ctx, t.code, t, 'upsert'), existed);
  }
  for (const p of DEMO_PERSONS) {
    const id = demoUuid(`person:${p.key}`);
    const existed =
      (await database.db.selectFrom('persons').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    count(
      await service.savePerson(
        database,
        ctx,
        id,
        { name: p.name, honorific: p.honorific, functions: p.functions, demo: false },
        'upsert',
      ),
      existed,
    );
  }
  for (const b of DEMO_BODIES) {
    const existed = await exists('bodies', b.code);
    const chair = b.chairKey ? demoUuid(`person:${b.chairKey}`) : null;
    const input = {
      name: b.name,
      kind: b.kind,
      parent: b.parent,
      format: b.format,
      chair,
      public: b.public,
      topics: b.topics,
      description: b.description,
    };
    count(await service.saveBody(database, ctx, b.code, input, 'upsert'), existed);
  }
  // Demo accounts (labelled demo data; one shared password, listed in the README and the log).
  for (const outcome of await loadDemoAccounts(database, ctx)) count(outcome, outcome.existed);
  // The Warsaw meetings, the work programme and the calendar of the seed (src/demo/nrc-2002-meetings.ts).
  await loadDemoMeetingsAndCalendar(database, ctx, demoUuid, count);
  // Texts: the adopted peacekeeping concept and a draft under silence until a few hours from now (src/demo/nrc-2002-texts.ts).
  await loadDemoTexts(database, now, demoUuid, count);
  // The seed page enters the public record through the legacy importer, as any archive page would.
  for (const file of DEMO_ARCHIVE) {
    const content = readFileSync(new URL(`./archive/${file}`, import.meta.url));
    const page = await importPage(database, ctx, { given: file, identity: `demo:archive/${file}` }, content);
    if (page.status === 'failed' || page.status === 'not_a_document')
      throw new Error(`demo archive page ${file} could not be imported: ${page.message}`);
    if (page.status === 'unchanged') report.unchanged += 1;
    else if (page.status === 'revised') report.updated += 1;
    else report.created += 1;
  }
  return report;
}

/** Legacy archive pages of the demo (the seed page of shared/seed, byte for byte). */
export const DEMO_ARCHIVE = ['000_c5614a049a7728d2.txt'];
