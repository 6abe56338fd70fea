// Opens the database named by the configuration: an embedded SQLite file (the default) or PostgreSQL.
// Everything above this file speaks Kysely and does not care which.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { ConfigError, describeDatabase, type DatabaseConfig } from '../config.ts';
import type { DB } from './schema.ts';

export type Dialect = DatabaseConfig['dialect'];

/** An object a write touched, as its audit events name it. */
export interface TouchedObject {
  objectType: string;
  objectId: string;
}

/**
 * How derived data (workspace search today) follows the data without the kernel knowing who keeps it.
 * The composition root (src/open-database.ts) registers the consumers; the kernel only calls them.
 */
export interface DatabaseHooks {
  /** Run inside every audited write's transaction, after its work: a rolled-back write leaves derived data as it was. */
  afterWrite: ((tx: Kysely<DB>, touched: readonly TouchedObject[]) => Promise<void>)[];
  /** Run after the migrations, so every path that migrates (serve, demo, import, tests) finds derived data current. */
  afterMigrate: ((database: Database, now: Date) => Promise<unknown>)[];
}

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** PostgreSQL schema holding our tables (null on SQLite). */
  schema: string | null;
  /** Human description without secrets, for logs. */
  description: string;
  /**
   * SQLite only: the connection under Kysely, for the few hot paths that run prepared statements on it
   * directly (the importer's writer, import/). Use it only inside a transaction opened through Kysely:
   * Kysely then holds the single connection, so nothing else can interleave.
   */
  sqlite?: SQLite.Database;
  hooks: DatabaseHooks;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from PostgreSQL as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/** Opens and checks the database connection; throws ConfigError with one clear line when it cannot. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return config.dialect === 'sqlite'
    ? openSqlite(config.file, timeoutMs)
    : openPostgres(config.url, config.schema, timeoutMs);
}

/** The default bound of each wait on the database (DATABASE_TIMEOUT_SECONDS). */
export const DEFAULT_TIMEOUT_MS = 5000;

function openSqlite(file: string, timeoutMs: number): Database {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new ConfigError(
      `Cannot create the data folder ${dirname(file)}: ${(error as Error).message}. Set DATA_DIR to a writable folder.`,
    );
  }
  let connection: SQLite.Database;
  try {
    connection = new SQLite(file);
    // WAL: readers never block the writer and a crash mid-write leaves the last committed state.
    // synchronous=NORMAL is durable across a process crash (SIGKILL); an OS crash may lose the last
    // commits but never corrupts the file. busy_timeout lets a CLI and the server share the file; past
    // it a write answers SQLITE_BUSY (503 DATABASE_UNAVAILABLE).
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma(`busy_timeout = ${Math.trunc(timeoutMs)}`);
    // Statement and savepoint journals in memory rather than in temporary files: they only serve to
    // roll back a statement or savepoint inside a transaction (crash recovery is the WAL's job), so
    // durability is unchanged. The importer's savepoint per page spilled every touched page to a
    // temporary file: 45 µs of each page's 110 µs of SQL in the import benchmark.
    connection.pragma('temp_store = MEMORY');
  } catch (error) {
    throw new ConfigError(`Cannot open the SQLite database ${file}: ${(error as Error).message}.`);
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(connection) }) });
  return {
    db,
    dialect: 'sqlite',
    schema: null,
    description: describeDatabase({ dialect: 'sqlite', file }),
    sqlite: connection,
    hooks: noHooks(),
    close: () => db.destroy(),
  };
}

// Kysely's SQLite driver prepares every query afresh; preparing cost a third of a millisecond per
// imported page in the benchmark. Statements are cached by their SQL text (parameters vary, text does
// not). Kysely runs one query at a time on this connection, so a cached statement is never in use twice.
const STATEMENT_CACHE_SIZE = 500;
function cachingStatements(connection: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-insert: the Map's order is the recency order
      } else {
        statement = connection.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
    close() {
      cache.clear();
      connection.close();
    },
  };
}

/** The message pg gives a query that got no answer within query_timeout. */
const READ_TIMEOUT = 'Query read timeout';

/**
 * A client that drops its connection when a query got no answer in time. pg only stops waiting for
 * that query: the connection would go back to the pool with the query still pending, and every later
 * query on it would queue behind it. Destroying the socket fails them at once; the pool then opens a
 * fresh connection (bounded by connectionTimeoutMillis).
 */
class BoundedClient extends pg.Client {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        if ((error as Error)?.message === READ_TIMEOUT) this.dropConnection();
        throw error;
      }) as never;
    }
    return result as never;
  }

  private dropConnection(): void {
    (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
}

/** Whether an error means the database did not answer in time (a 503 for the client, not a 500). */
export function isDatabaseTimeout(error: unknown): boolean {
  const message = (error as Error | undefined)?.message ?? '';
  const code = (error as { code?: unknown } | undefined)?.code;
  return (
    code === '57014' || // query_canceled: statement_timeout on a live server
    message === READ_TIMEOUT ||
    message === 'timeout exceeded when trying to connect' ||
    message.startsWith('Connection terminated') ||
    message === 'Client was closed and is not queryable' ||
    message === 'Client has encountered a connection error and is not queryable'
  );
}

async function openPostgres(url: string, schema: string, timeoutMs: number): Promise<Database> {
  const description = describeDatabase({ dialect: 'postgres', url, schema });
  // Every wait is bounded (docs/operations.md): a free or new connection within timeoutMs; a statement
  // is cancelled by the server after timeoutMs (statement_timeout), and if the server does not answer
  // at all the client gives up a second later (query_timeout) and drops the connection. TCP keep-alive
  // finds connections whose peer vanished while idle.
  const pool = new pg.Pool({
    Client: BoundedClient,
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 1000,
    idle_in_transaction_session_timeout: timeoutMs * 4,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    options: `-c search_path=${schema}`,
  });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(
      `Cannot connect to ${description}: ${reason}. Check DATABASE_URL and that the server is running.`,
    );
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', schema, description, hooks: noHooks(), close: () => db.destroy() };
}

const noHooks = (): DatabaseHooks => ({ afterWrite: [], afterMigrate: [] });

/** Answers whether the database responds; used by the health endpoint. */
export async function ping(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}
