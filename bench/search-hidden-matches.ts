// Does a hidden match cost the reader anything? (issue 11, finding 8). A reader (head of the Russian
// delegation) searches a word that 200 entries visible to them hold, while 0, 2,000 or 20,000 entries
// of a format without Russia hold it too. Reported: p50 of searchWorkspace (page 1 of 20, counts and
// snippets) per number of hidden matches, and its ratio to the time with none hidden.
//   node --import tsx bench/search-hidden-matches.ts [sqlite|postgres]…
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../src/kernel/access/can.ts';
import type { Database, Dialect } from '../src/kernel/db/connect.ts';
import { openConcordDatabase } from '../src/open-database.ts';
import { migrateToLatest } from '../src/kernel/db/migrate.ts';
import { searchWorkspace } from '../src/search/workspace-index.ts';
import { freshDatabaseConfig } from '../test/support/databases.ts';

const VISIBLE = 200;
const HIDDEN = [0, 2_000, 20_000];
const REPEAT = 15;
const AT = '2002-09-25T00:00:00Z';
const HEAD_RU: Actor = {
  kind: 'user',
  id: 'bench-ru',
  roles: ['delegate'],
  member: 'RUS',
  headOfDelegation: true,
  clearance: 'CONFIDENTIAL',
};

let seed = 7;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);

async function add(database: Database, count: number, format: string): Promise<void> {
  for (let done = 0; done < count; done += 500) {
    const rows = Array.from({ length: Math.min(500, count - done) }, (_, i) => ({
      kind: 'meeting',
      item_id: randomUUID(),
      format_code: format,
      format_members: null,
      is_public: 0,
      title: `Meeting ${done + i}`,
      subtitle: 'Ambassadors · Brussels',
      body: `council ${Array.from({ length: 140 }, () => words[next() % words.length]).join(' ')}`,
      date: `2002-${String(((done + i) % 12) + 1).padStart(2, '0')}-15`,
      updated_at: AT,
    }));
    await database.db.insertInto('search_entries').values(rows).execute();
  }
}

async function p50(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i += 1) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEAT / 2)]!;
}

async function measure(dialect: Dialect): Promise<void> {
  const fresh = await freshDatabaseConfig(dialect);
  const database = await openConcordDatabase(fresh.config);
  try {
    await migrateToLatest(database);
    const db = database.db;
    await db
      .insertInto('members')
      .values(
        ['RUS', 'POL'].map((code) => ({
          code,
          name: code,
          sort_name: code,
          kind: 'state',
          created_at: AT,
          updated_at: AT,
        })),
      )
      .execute();
    await db
      .insertInto('formats')
      .values(
        ['nrc-20', 'nato-19'].map((code) => ({ code, name: code, description: '', created_at: AT, updated_at: AT })),
      )
      .execute();
    await db
      .insertInto('format_members')
      .values([
        { format_code: 'nrc-20', member_code: 'RUS' },
        { format_code: 'nrc-20', member_code: 'POL' },
        { format_code: 'nato-19', member_code: 'POL' },
      ])
      .execute();
    await add(database, VISIBLE, 'nrc-20');
    let hidden = 0;
    let base = 0;
    for (const target of HIDDEN) {
      await add(database, target - hidden, 'nato-19');
      hidden = target;
      if (dialect === 'postgres') await sql`analyze search_entries`.execute(db);
      const r = await searchWorkspace(database, HEAD_RU, { text: 'council', page: 1, pageSize: 20 });
      if (r.total !== VISIBLE) throw new Error(`expected ${VISIBLE} visible hits, got ${r.total}`);
      const t = await p50(() => searchWorkspace(database, HEAD_RU, { text: 'council', page: 1, pageSize: 20 }));
      if (target === 0) base = t;
      console.log(
        `| ${dialect} | ${VISIBLE} | ${target.toLocaleString('en')} | ${t.toFixed(1)} | ${(t / base).toFixed(2)} |`,
      );
    }
  } finally {
    await database.close();
    await fresh.cleanup();
  }
}

console.log('| database | visible matches | hidden matches | p50 ms | × none hidden |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const dialect of (process.argv.slice(2).length ? process.argv.slice(2) : ['sqlite', 'postgres']) as Dialect[])
  await measure(dialect);
