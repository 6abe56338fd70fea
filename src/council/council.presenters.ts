// API shapes with explicit field lists: a column added to a table never reaches a client by accident.
import type { Abilities } from '../kernel/access/abilities.ts';
import type { Body, Council, Format, Member, Person, Topic } from './model.ts';

export const presentCouncil = (c: Council) => ({
  name: c.name,
  shortName: c.shortName,
  description: c.description,
  establishedOn: c.establishedOn,
  foundingText: c.foundingText,
});

// `abilities` is given for signed-in readers only (see council.schemas.ts); undefined leaves it out.
export const presentMember = (m: Member, abilities?: Abilities) => ({
  code: m.code,
  name: m.name,
  sortName: m.sortName,
  kind: m.kind,
  joinedOn: m.joinedOn,
  groups: [...m.groups],
  abilities,
});

export const presentFormat = (f: Format, abilities?: Abilities) => ({
  code: f.code,
  name: f.name,
  description: f.description,
  members: [...f.members],
  abilities,
});

export const presentPerson = (p: Person, abilities?: Abilities) => ({
  id: p.id,
  name: p.name,
  honorific: p.honorific,
  demo: p.demo,
  functions: p.functions.map((f) => ({
    id: f.id,
    title: f.title,
    member: f.memberCode,
    startedOn: f.startedOn,
    endedOn: f.endedOn,
  })),
  abilities,
});

/** `parentVisible`: whether the reader may see the parent (a public body may sit under one they may not). */
export const presentBody = (b: Body, chair: Person | null, parentVisible: boolean, abilities?: Abilities) => ({
  code: b.code,
  name: b.name,
  kind: b.kind,
  parent: parentVisible ? b.parentCode : null,
  format: b.formatCode,
  chair: chair ? { id: chair.id, name: chair.name } : null,
  description: b.description,
  public: b.isPublic,
  topics: [...b.topics],
  abilities,
});

export const presentTopic = (t: Topic, abilities?: Abilities) => ({
  code: t.code,
  name: t.name,
  description: t.description,
  source: t.source,
  position: t.position,
  abilities,
});
