// All SQL of accounts and their set-password links. Repositories read through a connection or a
// transaction alike; writes are called inside auditedWrite by the services.
import type { Role } from '../kernel/access/can.ts';
import type { Executor } from '../kernel/db/executor.ts';
import type { UserTable } from '../kernel/db/schema-accounts.ts';
import type { AccountFields, User, UserWithSecret } from './model.ts';

type IdentityColumns = Pick<
  UserTable,
  'id' | 'email' | 'name' | 'roles' | 'member_code' | 'head_of_delegation' | 'clearance'
>;

/** What a signed-in actor needs of an account, read from its columns (roles are JSON, flags 0/1); sessions read it too. */
export function toIdentity(
  row: IdentityColumns,
): Pick<User, 'id' | 'email' | 'name' | 'roles' | 'memberCode' | 'headOfDelegation' | 'clearance'> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: JSON.parse(row.roles) as Role[],
    memberCode: row.member_code,
    headOfDelegation: row.head_of_delegation === 1,
    clearance: row.clearance,
  };
}

function toUser(row: UserTable): UserWithSecret {
  return {
    ...toIdentity(row),
    demo: row.demo === 1,
    disabled: row.disabled === 1,
    passwordSet: row.password_hash !== null,
    passwordHash: row.password_hash,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fieldColumns(fields: AccountFields) {
  return {
    email: fields.email,
    name: fields.name,
    roles: JSON.stringify(fields.roles),
    member_code: fields.memberCode,
    head_of_delegation: fields.headOfDelegation ? 1 : 0,
    clearance: fields.clearance,
    disabled: fields.disabled ? 1 : 0,
  };
}

/** One account by id. */
export async function findUser(db: Executor, id: string): Promise<UserWithSecret | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** One account by (lower-cased) email address. */
export async function findUserByEmail(db: Executor, email: string): Promise<UserWithSecret | null> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** Every account, by name. */
export async function listUsers(db: Executor): Promise<UserWithSecret[]> {
  return (await db.selectFrom('users').selectAll().orderBy('name').orderBy('email').execute()).map(toUser);
}

/** Whether another account already uses this email address. */
export async function emailTaken(db: Executor, email: string, exceptId: string | null): Promise<boolean> {
  let query = db.selectFrom('users').select('id').where('email', '=', email);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Stores a new account. */
export async function insertUser(
  db: Executor,
  id: string,
  fields: AccountFields,
  extra: { passwordHash: string | null; demo: boolean },
  now: string,
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id,
      ...fieldColumns(fields),
      password_hash: extra.passwordHash,
      demo: extra.demo ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Replaces the administrator-chosen fields of an account. */
export async function updateUserFields(db: Executor, id: string, fields: AccountFields, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...fieldColumns(fields), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Sets the password hash and clears any lockout (the owner proved who they are). */
export async function setPasswordHash(db: Executor, id: string, passwordHash: string, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Records the sign-in counters (wrong passwords in a row, end of lockout). */
export async function setLoginState(
  db: Executor,
  id: string,
  failedLogins: number,
  lockedUntil: string | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: failedLogins, locked_until: lockedUntil })
    .where('id', '=', id)
    .execute();
}

/** Stores the hash of a new set-password link. */
export async function insertSetupToken(
  db: Executor,
  hash: string,
  userId: string,
  now: string,
  expiresAt: string,
): Promise<void> {
  await db
    .insertInto('password_setup_tokens')
    .values({ hash, user_id: userId, created_at: now, expires_at: expiresAt, used_at: null })
    .execute();
}

/** Retires every unused link of an account (a new link replaces the old ones); returns how many. */
export async function retireSetupTokens(db: Executor, userId: string, now: string): Promise<number> {
  const result = await db
    .updateTable('password_setup_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A link by the hash of its token, if it is unused and unexpired at `now`. */
export async function findUsableSetupToken(
  db: Executor,
  hash: string,
  now: string,
): Promise<{ userId: string; expiresAt: string } | null> {
  const row = await db
    .selectFrom('password_setup_tokens')
    .select(['user_id', 'expires_at'])
    .where('hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? { userId: row.user_id, expiresAt: row.expires_at } : null;
}

/** Marks a link used; answers false if it was used meanwhile (a second, concurrent use). */
export async function useSetupToken(db: Executor, hash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('password_setup_tokens')
    .set({ used_at: now })
    .where('hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The email addresses of the demo data set's accounts (the sign-in page lists them when there are any). */
export async function demoAccountEmails(db: Executor): Promise<string[]> {
  return (await db.selectFrom('users').select('email').where('demo', '=', 1).orderBy('email').execute()).map(
    (r) => r.email,
  );
}
