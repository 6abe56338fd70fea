// Accounts: who may sign in, with which roles, for which member, at which clearance.
import type { Role } from '../kernel/access/can.ts';

export const ROLES = ['admin', 'secretariat', 'chair', 'delegate', 'auditor'] as const satisfies readonly Role[];

// The default classification ladder of the product brief, lowest first. A user's clearance is one of
// these; documents (a later issue) will make the list configurable and compare against it.
export const CLEARANCES = ['PUBLIC', 'UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'] as const;
export type Clearance = (typeof CLEARANCES)[number];

/** Failed sign-ins in a row from one client to one account that are not slowed down (login-policy.ts). */
export const FREE_FAILED_LOGINS = 5;
/** How long a one-time set-password link stays valid. */
export const SETUP_LINK_HOURS = 72;
/** The shortest password accepted. Length is what makes a password strong; no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
/** The longest password accepted (hashing cost must not be chosen by the client). */
export const PASSWORD_MAX_LENGTH = 256;

export interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  memberCode: string | null;
  headOfDelegation: boolean;
  clearance: string;
  demo: boolean;
  disabled: boolean;
  passwordSet: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A user and the secret parts that never leave the accounts module. */
export interface UserWithSecret extends User {
  passwordHash: string | null;
}

/** The fields an administrator chooses for an account. */
export type AccountFields = Pick<
  User,
  'email' | 'name' | 'roles' | 'memberCode' | 'headOfDelegation' | 'clearance' | 'disabled'
>;
