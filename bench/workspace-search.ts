// Workspace search at volume: BENCH_SEARCH_ITEMS entries (default 20,000, about 1 KB each), half in a
// format at 19 and half at 20, on SQLite and on PostgreSQL. Measured in one run, on one database:
//   baseline  — the engine ranking the matches and returning the best 20 (no access rule, no count);
//   search    — searchWorkspace as a reader: every match read, `can` on each, counted, one page of 20
//               with snippets. As the secretariat (sees all) and as the head of the Russian delegation
//               (sees half), for a broad word (in half the entries) and a rare one (about 20 entries).
// Reported: p50 and p95 in ms over the repetitions, and the p50 as a multiple of the baseline's.
import { appendFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../src/kernel/access/can.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { type Database, type Dialect } from '../src/kernel/db/connect.ts';
import { openConcordDatabase } from '../src/open-database.ts';
import { migrateToLatest } from '../src/kernel/db/migrate.ts';
import { searchWorkspace } from '../src/search/workspace-index.ts';
import { freshDatabaseConfig } from '../test/support/databases.ts';

const ITEMS = Number(process.env.BENCH_SEARCH_ITEMS ?? 20_000);
const REPEAT = 25;
const STAFF: Actor = {
  kind: 'user',
  id: 'bench-staff',
  roles: ['secretariat'],
  member: null,
  headOfDelegation: false,
  clearance: 'SECRET',
};
const HEAD_RU: Actor = {
  kind: 'user',
  id: 'bench-ru',
  roles: ['delegate'],
  member: 'RUS',
  headOfDelegation: true,
  clearance: 'CONFIDENTIAL',
};

// A deterministic vocabulary of pronounceable words (no randomness between runs).
function vocabulary(n: number): string[] {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ren',
    'tas',
    'vo',
    'pel',
    'dri',
    'su',
    'nor',
    'gal',
    'bes',
    'ti',
    'ram',
    'quo',
    'zen',
  ];
  return Array.from(
    { length: n },
    (_, i) => syllables[i % 16]! + syllables[Math.floor(i / 16) % 16]! + syllables[Math.floor(i / 256) % 16]!,
  );
}

async function fill(database: Database): Promise<void> {
  const words = vocabulary(3000);
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const rows = [];
  for (let i = 0; i < ITEMS; i += 1) {
    const body = Array.from({ length: 140 }, () => words[next() % words.length]).join(' ');
    rows.push({
      kind: 'meeting' as const,
      item_id: randomUUID(),
      format_code: i % 2 === 0 ? 'nato-19' : 'nrc-20',
      format_members: null,
      is_public: 0,
      title: `Meeting ${i} on ${words[next() % words.length]}`,
      subtitle: 'Ambassadors · Brussels',
      body: `${i % 2 === 1 || i % 4 === 0 ? 'council ' : ''}${i % 1000 === 0 ? 'zephyr ' : ''}${body}`,
      date: `2002-${String((i % 12) + 1).padStart(2, '0')}-15`,
      updated_at: '2002-09-25T00:00:00Z',
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await database.db
      .insertInto('search_entries')
      .values(rows.slice(i, i + 500))
      .execute();
}

async function timed(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work(); // warm
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i += 1) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(REPEAT / 2)]!, p95: times[Math.floor(REPEAT * 0.95)]! };
}

async function baselineCount(database: Database, word: string): Promise<number> {
  const row =
    database.dialect === 'sqlite'
      ? (
          await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${`"${word}"`}`.execute(
            database.db,
          )
        ).rows[0]
      : (
          await sql<{
            n: number;
          }>`select count(*) as n from search_entries where search @@ websearch_to_tsquery('english', ${word})`.execute(
            database.db,
          )
        ).rows[0];
  return Number(row?.n ?? 0);
}

/** The baseline: the engine ranking the matches and returning the best 20, with no access rule at all. */
async function baselineTop20(database: Database, word: string): Promise<number> {
  const { rows } =
    database.dialect === 'sqlite'
      ? await sql`select e.seq, e.title from search_fts join search_entries e on e.seq = search_fts.rowid where search_fts match ${`"${word}"`} order by bm25(search_fts, 10.0, 4.0, 1.0) limit 20`.execute(
          database.db,
        )
      : await sql`select seq, title from search_entries where search @@ websearch_to_tsquery('english', ${word}) order by ts_rank_cd(search, websearch_to_tsquery('english', ${word})) desc limit 20`.execute(
          database.db,
        );
  return rows.length;
}

async function measure(dialect: Dialect): Promise<string[]> {
  const fresh = await freshDatabaseConfig(dialect);
  const database = await openConcordDatabase(fresh.config);
  try {
    await migrateToLatest(database);
    await loadDemo(database, new Date('2002-09-25T08:00:00Z'));
    process.stderr.write(`  ${dialect}: writing ${ITEMS} entries…\n`);
    await fill(database);
    if (dialect === 'postgres') await sql`analyze search_entries`.execute(database.db);
    const lines: string[] = [];
    for (const word of ['council', 'zephyr']) {
      const matches = await baselineCount(database, word);
      const base = await timed(() => baselineTop20(database, word));
      lines.push(
        `| ${dialect} | "${word}" (${matches.toLocaleString('en')} matches) | engine's best 20, no access rule (baseline) | — | ${base.p50.toFixed(1)} | ${base.p95.toFixed(1)} | 1.00 |`,
      );
      for (const [who, actor] of [
        ['secretariat', STAFF],
        ['head.ru', HEAD_RU],
      ] as const) {
        const results = await searchWorkspace(database, actor, { text: word, page: 1, pageSize: 20 });
        const t = await timed(() => searchWorkspace(database, actor, { text: word, page: 1, pageSize: 20 }));
        lines.push(
          `| ${dialect} | "${word}" | workspace search as ${who} | ${results.total.toLocaleString('en')} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${(t.p50 / base.p50).toFixed(2)} |`,
        );
      }
    }
    return lines;
  } finally {
    await database.close();
    await fresh.cleanup();
  }
}

export async function runSearchBenchmark(resultsFile: string, withPostgres: boolean): Promise<void> {
  process.stderr.write(`Workspace search over ${ITEMS.toLocaleString('en')} entries:\n`);
  const rows = [...(await measure('sqlite')), ...(withPostgres ? await measure('postgres') : [])];
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const lines = [
    `## Workspace search over ${ITEMS.toLocaleString('en')} entries — ${when}`,
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${osType()} ${release()}, Node ${process.version}.`,
    `Entries of about 1 KB (bench/workspace-search.ts), half at 19 and half at 20; ${REPEAT} repetitions after one warm-up. The search reads every match, asks \`can\` for each, counts, and builds one page of 20 with snippets; the baseline is the engine ranking the same matches and returning the best 20 with no access rule — what a search that ignored need-to-know would cost.`,
    '',
    '| database | words | what | visible hits | p50 ms | p95 ms | p50 × baseline |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
  appendFileSync(resultsFile, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
