// One benchmark phase in its own process, so that its peak memory (maxRSS) is its own:
//   parse     read and parse every page, store nothing (the baseline)
//   sqlite    import into a fresh SQLite file
//   postgres  import into a fresh PostgreSQL schema
// Prints one JSON line with pages, seconds and memory samples.
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parseLegacyPage } from '../src/public-record/legacy-parser/index.ts';
import { importPaths } from '../src/public-record/import/import-pages.ts';
import { walkSources } from '../src/public-record/import/walk-sources.ts';
import { openConcordDatabase } from '../src/open-database.ts';
import { migrateToLatest } from '../src/kernel/db/migrate.ts';

const [phase, dir, total] = process.argv.slice(2) as ['parse' | 'sqlite' | 'postgres', string, string];
const expected = Number(total);
const samples: { pages: number; rssMiB: number }[] = [];
const sample = (pages: number) => samples.push({ pages, rssMiB: Math.round(process.memoryUsage().rss / 1_048_576) });
const every = Math.max(1, Math.floor(expected / 10));

async function main() {
  let pages = 0;
  let documents = 0;
  const started = process.hrtime.bigint();
  if (phase === 'parse') {
    for await (const entry of walkSources([dir])) {
      if (!('file' in entry)) continue;
      const result = parseLegacyPage({ source: entry.file.given, content: await readFile(entry.file.absolute) });
      if (result.status === 'document') documents += 1;
      if (++pages % every === 0) sample(pages);
    }
  } else {
    const url = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const sqliteDir = mkdtempSync(join(tmpdir(), 'concord-bench-db-'));
    const database = await openConcordDatabase(
      phase === 'sqlite'
        ? { dialect: 'sqlite', file: join(sqliteDir, 'bench.db') }
        : { dialect: 'postgres', url, schema },
    );
    await migrateToLatest(database);
    try {
      const summary = await importPaths(
        database,
        () => ({ actor: 'system:bench', requestId: null, now: new Date() }),
        [dir],
        {
          dryRun: false,
          onPage: () => {
            if (++pages % every === 0) sample(pages);
          },
        },
      );
      documents = summary.counts.imported;
    } finally {
      await database.close();
      rmSync(sqliteDir, { recursive: true, force: true });
      if (phase === 'postgres') {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `${JSON.stringify({ phase, pages, documents, seconds, pagesPerSecond: pages / seconds, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), samples })}\n`,
  );
}

await main();
