// Members, formats, persons and accounts as /api/v1 answers them (src/council/council.schemas.ts,
// src/accounts/accounts.schemas.ts).
export interface Member {
  code: string;
  name: string;
  sortName: string;
  kind: 'state' | 'organisation';
  joinedOn: string | null;
  groups: string[];
}
export interface Format {
  code: string;
  name: string;
  description: string;
  members: string[];
}
export interface Person {
  id: string;
  name: string;
  honorific: string | null;
  demo: boolean;
  functions: { id: string; title: string; member: string | null; startedOn: string | null; endedOn: string | null }[];
}
export interface Account {
  id: string;
  email: string;
  name: string;
  roles: string[];
  member: string | null;
  headOfDelegation: boolean;
  disabled: boolean;
  passwordSet: boolean;
}
