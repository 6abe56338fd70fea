// Configuration: the environment is parsed once, at boot, into a typed and commented object.
// Anything invalid stops the process with one clear line (see `ConfigError`).
import { resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number between 0 and 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'must be a whole number between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v) || /^sqlite:/.test(v), 'must start with postgres:// or sqlite:')
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier such as "public"')
    .default('public'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://concord.example.org' }).optional(),
  ADMIN_TOKEN: z
    .string()
    .min(24, 'must be at least 24 characters (use e.g. `openssl rand -hex 24`)')
    .optional(),
  BODY_LIMIT_BYTES: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of bytes')
    .transform(Number)
    .default(1_048_576),
});

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; schema: string };

export interface Config {
  /** TCP port the HTTP server listens on. */
  port: number;
  /** Interface to bind; 127.0.0.1 by default so a demo is never exposed by accident. */
  host: string;
  /** Where and how data is kept: an embedded SQLite file by default, PostgreSQL when DATABASE_URL says so. */
  database: DatabaseConfig;
  /** Folder for the SQLite file and other local state. */
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Absolute base URL used in links that leave the page (feeds, sitemaps). */
  publicUrl: string;
  /** Bearer token that authorises writes through the API until accounts exist; unset = read-only API. */
  adminToken: string | null;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
}

/** Raised for configuration that cannot be used; its message is one line fit for a terminal. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses environment variables into a Config, or throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as they do in most shells' `VAR= cmd` idiom.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name} ${issue.message} (got ${JSON.stringify(present[name] ?? '')})`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  let database: DatabaseConfig;
  if (e.DATABASE_URL && /^postgres/.test(e.DATABASE_URL)) {
    database = { dialect: 'postgres', url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA };
  } else if (e.DATABASE_URL) {
    const file = e.DATABASE_URL.replace(/^sqlite:(\/\/)?/, '');
    if (file === '') throw new ConfigError('Invalid configuration: DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/concord.db.');
    database = { dialect: 'sqlite', file: resolve(file) };
  } else {
    database = { dialect: 'sqlite', file: resolve(dataDir, 'concord.db') };
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    adminToken: e.ADMIN_TOKEN ?? null,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
  };
}

/** A description of where data lives that never includes a password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.dialect === 'sqlite') return `SQLite file ${db.file}`;
  const url = new URL(db.url);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()} (schema ${db.schema})`;
}
