// Accounts, sessions and set-password links (issue 4). Append-only, like every migration.
// Secrets are never stored in the clear: a session row is keyed by the SHA-256 of the cookie's token,
// a set-password link by the SHA-256 of its token, a password by its argon2id hash.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`email = lower(email)`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text') // null until the account's owner sets it through the link
    .addColumn('roles', 'text', (c) => c.notNull()) // JSON array, e.g. ["delegate"]
    .addColumn('member_code', 'text', (c) => c.references('members.code'))
    .addColumn('head_of_delegation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clearance', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_member_idx').on('users').column('member_code').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 (hex) of the cookie's random token
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull()) // the earlier of the idle and the absolute limit
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('password_setup_tokens')
    .addColumn('hash', 'text', (c) => c.primaryKey()) // SHA-256 (hex) of the link's random token
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_setup_tokens_user_idx').on('password_setup_tokens').column('user_id').execute();

  // Server-side keys shared by every app server of one installation (today: the key that signs the
  // sign-in form's CSRF token). Created here, once, under the migration lock, so servers agree.
  await db.schema
    .createTable('secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('secrets' as never)
    .values({
      name: 'form-csrf-key',
      value: randomBytes(32).toString('base64url'),
      created_at: new Date().toISOString(),
    })
    .execute();
}
