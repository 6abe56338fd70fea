// Members, formats, persons and accounts as /api/v1 answers them (src/council/council.schemas.ts,
// src/accounts/accounts.schemas.ts). `abilities` is what the server's `can` lets this reader do; the
// workspace shows a control only when it says so.
export interface Abilities {
  update: boolean;
  delete: boolean;
}
/** A list of items and whether this reader may add to it. */
export interface Listed<T> {
  items: T[];
  abilities?: { create: boolean };
}
export interface Member {
  code: string;
  name: string;
  sortName: string;
  kind: 'state' | 'organisation';
  joinedOn: string | null;
  groups: string[];
  abilities?: Abilities;
}
export interface Format {
  code: string;
  name: string;
  description: string;
  members: string[];
  abilities?: Abilities;
}
export interface PersonFunction {
  id: string;
  title: string;
  member: string | null;
  startedOn: string | null;
  endedOn: string | null;
}
export interface Person {
  id: string;
  name: string;
  honorific: string | null;
  demo: boolean;
  functions: PersonFunction[];
  abilities?: Abilities;
}
/** An account as GET /users answers it (the member page lists a member's accounts); one type with the accounts pages. */
export type { Account } from '../../pages/accounts/model.ts';
/** GET /formats/{code}/usage (staff): the items of a format, and how many of each are public. */
export interface FormatUsage {
  format: string;
  meetings: { total: number; public: number };
  projects: { total: number; public: number };
  events: { total: number; public: number };
  bodies: { total: number; public: number };
  texts: { total: number };
}

export const mayUpdate = (item: { abilities?: Abilities } | null | undefined) => item?.abilities?.update ?? false;
export const mayDelete = (item: { abilities?: Abilities } | null | undefined) => item?.abilities?.delete ?? false;
export const mayCreate = (list: Listed<unknown> | null | undefined) => list?.abilities?.create ?? false;
