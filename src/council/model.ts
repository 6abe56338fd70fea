// The council model as the rest of the code sees it (PRODUCT.md, "The model").

export interface Council {
  name: string;
  shortName: string;
  description: string;
  establishedOn: string | null;
  foundingText: string | null;
}

export type MemberKind = 'state' | 'organisation';

export interface Member {
  code: string;
  name: string;
  sortName: string;
  kind: MemberKind;
  joinedOn: string | null;
  groups: string[];
}

/** A named set of members that meets and decides together, e.g. "NRC (at 20)". */
export interface Format {
  code: string;
  name: string;
  description: string;
  members: string[]; // member codes, in seating order
}

export interface PersonFunction {
  id: string;
  title: string;
  memberCode: string | null; // null: international staff
  startedOn: string | null;
  endedOn: string | null;
}

export interface Person {
  id: string;
  name: string;
  honorific: string | null;
  demo: boolean;
  functions: PersonFunction[];
}

export const BODY_KINDS = [
  'council',
  'preparatory_committee',
  'committee',
  'working_group',
  'ad_hoc_group',
  'expert_group',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export interface Body {
  code: string;
  name: string;
  kind: BodyKind;
  parentCode: string | null;
  formatCode: string;
  chairPersonId: string | null;
  description: string;
  isPublic: boolean;
  topics: string[];
}

export interface Topic {
  code: string;
  name: string;
  description: string;
  source: string | null;
  position: number;
}
