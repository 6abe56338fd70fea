// Configuration: the environment is parsed once, at boot, into a typed and commented object.
// Anything invalid stops the process with one clear line (see `ConfigError`).
import { resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const wholeNumber = (min: number, max: number, unit: string) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number of ${unit} between ${min} and ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number of ${unit} between ${min} and ${max}`);

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
    .refine(
      (v) => v === '' || /^postgres(ql)?:\/\//.test(v) || /^sqlite:/.test(v),
      'must start with postgres:// or sqlite:',
    )
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier such as "public"')
    .default('public'),
  // How long a request may wait on the database per step (docs/operations.md, "Database time-outs").
  DATABASE_TIMEOUT_SECONDS: wholeNumber(1, 600, 'seconds').default(5),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty', 'auto'], { message: 'must be json, pretty or auto' }).default('auto'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://concord.example.org' }).optional(),
  ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters (use e.g. `openssl rand -hex 24`)').optional(),
  BODY_LIMIT_BYTES: z.string().regex(/^\d+$/, 'must be a whole number of bytes').transform(Number).default(1_048_576),
  // Behind a reverse proxy: which X-Forwarded-* headers to believe (README, Configuration).
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'must be false, a number of proxy hops, or a comma-separated list of proxy addresses',
    )
    .refine(
      (v) => v !== 'true',
      'must not be true, which would believe X-Forwarded-For from any client: give the number of proxies in front of Concord (e.g. 1) or their addresses (e.g. 10.0.0.2)',
    )
    .optional(),
  SECURE_COOKIES: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
  SESSION_IDLE_MINUTES: wholeNumber(1, 10_080, 'minutes').default(120),
  SESSION_MAX_HOURS: wholeNumber(1, 720, 'hours').default(12),
  LOGIN_LOCKOUT_MINUTES: wholeNumber(1, 1440, 'minutes').default(15),
  LOGIN_RATE_LIMIT: wholeNumber(1, 100_000, 'requests a minute').default(30),
  DEADLINE_CHECK_SECONDS: wholeNumber(1, 3600, 'seconds').default(5),
  // E-mail of notifications (README, Configuration): both or neither.
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^/]+/,
      'must be an SMTP URL such as smtp://user:password@mail.example.org:587 or smtps://…:465',
    )
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^([^<>]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/,
      'must be an address such as concord@example.org or "Concord <concord@example.org>"',
    )
    .optional(),
});

/**
 * `timeoutMs` bounds each wait on the database (default 5000): for a free connection, for a new one,
 * for one statement, and SQLite's busy wait. See docs/operations.md.
 */
export type DatabaseConfig = (
  { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; schema: string }
) & {
  timeoutMs?: number;
};

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
  /** 'json' lines for machines; 'pretty' for people; 'auto' = pretty on a terminal, JSON otherwise. */
  logFormat: 'json' | 'pretty' | 'auto';
  /** Absolute base URL used in links that leave the page (feeds, sitemaps). */
  publicUrl: string;
  /** Bearer token that authorises writes through the API until accounts exist; unset = read-only API. */
  adminToken: string | null;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Fastify's trustProxy: false (default) ignores X-Forwarded-*; a hop count or proxy addresses trust them. */
  trustProxy: false | number | string;
  /** Mark cookies Secure even on plain-HTTP requests (default: when PUBLIC_URL is https); https requests always get Secure. */
  secureCookies: boolean;
  /** A session ends after this many minutes without a request... */
  sessionIdleMinutes: number;
  /** ...and in any case this many hours after sign-in. */
  sessionMaxHours: number;
  /** The longest wait between sign-in attempts of one client to one address after repeated failures (login-policy.ts). */
  loginLockoutMinutes: number;
  /** Sign-in attempts accepted per client address per minute, on each sign-in endpoint. */
  loginRateLimit: number;
  /** How often each server looks for silence deadlines that are due (texts/deadline-runner.ts), in seconds. */
  deadlineCheckSeconds: number;
  /** Where notification e-mails are sent from, when configured (SMTP_URL and MAIL_FROM); null: in-app only. */
  mail: { smtpUrl: string; from: string } | null;
}

/** Raised for configuration that cannot be used; its message is one line fit for a terminal. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

// Variables whose value may hold a secret: an error about them never prints the value itself.
const SECRET_VARIABLES = new Set(['ADMIN_TOKEN']);
const URL_VARIABLES = new Set(['DATABASE_URL', 'SMTP_URL', 'TEST_DATABASE_URL']);

/** The value of a bad variable as an error message may show it: secrets withheld, URL passwords masked. */
export function shownValue(name: string, value: string): string {
  if (SECRET_VARIABLES.has(name)) return `(${value.length} characters, not shown)`;
  if (URL_VARIABLES.has(name)) return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
  return value;
}

/** Parses environment variables into a Config, or throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as they do in most shells' `VAR= cmd` idiom.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name} ${issue.message} (got ${JSON.stringify(shownValue(name, present[name] ?? ''))})`;
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
    if (file === '')
      throw new ConfigError(
        'Invalid configuration: DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/concord.db.',
      );
    database = { dialect: 'sqlite', file: resolve(file) };
  } else {
    database = { dialect: 'sqlite', file: resolve(dataDir, 'concord.db') };
  }
  database.timeoutMs = e.DATABASE_TIMEOUT_SECONDS * 1000;
  if ((e.SMTP_URL === undefined) !== (e.MAIL_FROM === undefined)) {
    throw new ConfigError(
      `Invalid configuration: ${e.SMTP_URL ? 'SMTP_URL is set but MAIL_FROM is not' : 'MAIL_FROM is set but SMTP_URL is not'}; set both to send notification e-mails, or neither.`,
    );
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(
    /\/$/,
    '',
  );
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    publicUrl,
    adminToken: e.ADMIN_TOKEN ?? null,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    secureCookies: e.SECURE_COOKIES ? e.SECURE_COOKIES === 'true' : publicUrl.startsWith('https:'),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginLockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    deadlineCheckSeconds: e.DEADLINE_CHECK_SECONDS,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
  };
}

// Fastify reads a number as a hop count and a string as a list of trusted proxy addresses.
// `true` is refused by the schema: it would let any client choose its address for the rate limits.
function parseTrustProxy(value: string | undefined): false | number | string {
  if (value === undefined || value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** A description of where data lives that never includes a password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.dialect === 'sqlite') return `SQLite file ${db.file}`;
  const url = new URL(db.url);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()} (schema ${db.schema})`;
}
