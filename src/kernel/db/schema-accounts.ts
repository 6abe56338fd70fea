// Kysely's view of the account tables (migration 0003_accounts), part of the DB interface of
// schema.ts, which gathers every table type in kernel/db.
// Conventions as in schema.ts: text ids, ISO-8601 UTC instants as text, JSON as text, booleans 0/1.

export interface UserTable {
  id: string; // UUID
  email: string; // lower-cased, unique
  name: string;
  password_hash: string | null; // argon2id PHC string; null until set through the one-time link
  roles: string; // JSON array of Role
  member_code: string | null; // the member a delegate is bound to
  head_of_delegation: number;
  clearance: string; // e.g. 'RESTRICTED'
  demo: number; // 1: an account of the demo data set
  failed_logins: number; // wrong passwords in a row since the last success or lockout
  locked_until: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string; // SHA-256 (hex) of the cookie's token: the token itself is never stored
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface PasswordSetupTokenTable {
  hash: string; // SHA-256 (hex) of the link's token
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SecretTable {
  name: string;
  value: string;
  created_at: string;
}

export interface AccountsTables {
  users: UserTable;
  sessions: SessionTable;
  password_setup_tokens: PasswordSetupTokenTable;
  secrets: SecretTable;
}
