// Writes to the council model. Each function validates references, refuses what would break the
// model with a catalogued error, and writes through `auditedWrite`, so the change and its audit
// event commit together. An update that changes nothing writes nothing (and records nothing).
import { randomUUID } from 'node:crypto';
import { auditedWrite, type Tx, type WriteContext, type WriteOutcome } from '../kernel/audit/audited-write.ts';
import type { AuditAction } from '../kernel/audit/audit-actions.ts';
import { AppError, notFound, type ErrorDetail } from '../kernel/errors.ts';
import type { Database } from '../kernel/db/connect.ts';
import type { Body, Council, Format, Member, Person, Topic } from './model.ts';
import type {
  BodyCreate,
  BodyPatch,
  CouncilPatch,
  FormatCreate,
  FormatPatch,
  MemberCreate,
  MemberPatch,
  PersonCreate,
  PersonPatch,
  TopicCreate,
  TopicPatch,
} from './council.schemas.ts';
import { diffFields } from '../kernel/diff.ts';
import { findCouncil, saveCouncil } from './repositories/council.repository.ts';
import * as members from './repositories/members.repository.ts';
import * as formats from './repositories/formats.repository.ts';
import * as persons from './repositories/persons.repository.ts';
import * as bodies from './repositories/bodies.repository.ts';
import * as topics from './repositories/topics.repository.ts';
import { itemsInOtherFormatThanTheirBody } from './repositories/format-usage.repository.ts';

function unknownReferences(
  field: string,
  kind: string,
  all: readonly string[],
  unknown: readonly string[],
): ErrorDetail[] {
  return unknown.map((code) => ({ path: `${field}[${all.indexOf(code)}]`, message: `no ${kind} "${code}"` }));
}

function refuseUnknown(details: ErrorDetail[]): void {
  if (details.length === 0) return;
  const list = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new AppError(
    'UNKNOWN_REFERENCE',
    `The request refers to items that do not exist (${list}). Create them first or correct the codes.`,
    details,
  );
}

function refuseInUse(kind: string, id: string, references: string[]): void {
  if (references.length === 0) return;
  throw new AppError(
    'IN_USE',
    `The ${kind} "${id}" is still used by ${references.join(', ')}. Remove those references first.`,
  );
}

function refuseDuplicateName(taken: boolean, kind: string, name: string): void {
  if (taken)
    throw new AppError('ALREADY_EXISTS', `Another ${kind} is already named "${name}". Names must be unique.`, [
      { path: 'name', message: 'is already used' },
    ]);
}

function requireName(kind: string, name: string | undefined): string {
  if (!name)
    throw new AppError('VALIDATION_FAILED', `A ${kind} needs a name.`, [{ path: 'name', message: 'is required' }]);
  return name;
}

// Shared shape of create/update: load the current item, merge, diff, save and audit when changed.
async function saveWithAudit<T extends object>(
  database: Database,
  ctx: WriteContext,
  spec: {
    type: string;
    id: string;
    find: (tx: Tx, id: string) => Promise<T | null>;
    build: (current: T | null, tx: Tx) => Promise<T>;
    save: (tx: Tx, item: T, now: string, isNew: boolean) => Promise<void>;
    mode: 'create' | 'update' | 'upsert';
  },
): Promise<WriteOutcome<T>> {
  return auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      const current = await spec.find(tx, spec.id);
      if (current && spec.mode === 'create') {
        throw new AppError(
          'ALREADY_EXISTS',
          `A ${spec.type} "${spec.id}" already exists. Choose another code, or update it with PATCH.`,
          [{ path: 'code', message: 'is already used' }],
        );
      }
      if (!current && spec.mode === 'update') throw notFound(spec.type, spec.id);
      const next = await spec.build(current, tx);
      if (current) {
        const changes = diffFields(current, next);
        if (Object.keys(changes).length === 0) return { item: current, changed: false };
        await spec.save(tx, next, ctx.now.toISOString(), false);
        audit.record({
          action: `${spec.type}.updated` as AuditAction,
          objectType: spec.type,
          objectId: spec.id,
          summary: { changes },
        });
      } else {
        await spec.save(tx, next, ctx.now.toISOString(), true);
        audit.record({
          action: `${spec.type}.created` as AuditAction,
          objectType: spec.type,
          objectId: spec.id,
          summary: { created: next },
        });
      }
      return { item: next, changed: true };
    },
    { allowNoEvent: true },
  );
}

/** The delete of one kind of item: refused while anything refers to it, audited with what it was. */
function deleteWithAudit<T extends object>(spec: {
  type: string;
  find: (tx: Tx, id: string) => Promise<T | null>;
  references: (tx: Tx, id: string) => Promise<string[]>;
  remove: (tx: Tx, id: string) => Promise<void>;
  /** How the refusal names the item, when its id means nothing to people (a person's UUID). */
  label?: (item: T) => string;
}): (database: Database, ctx: WriteContext, id: string) => Promise<void> {
  return async (database, ctx, id) => {
    await auditedWrite(database, ctx, async (tx, audit) => {
      const current = await spec.find(tx, id);
      if (!current) throw notFound(spec.type, id);
      refuseInUse(spec.type, spec.label ? spec.label(current) : id, await spec.references(tx, id));
      await spec.remove(tx, id);
      audit.record({
        action: `${spec.type}.deleted` as AuditAction,
        objectType: spec.type,
        objectId: id,
        summary: { deleted: current },
      });
    });
  };
}

/** Sets the council's identity (name, short name, description, founding text). */
export async function updateCouncil(
  database: Database,
  ctx: WriteContext,
  patch: CouncilPatch & Partial<Council>,
): Promise<WriteOutcome<Council>> {
  return saveWithAudit<Council>(database, ctx, {
    type: 'council',
    id: 'council',
    mode: 'upsert',
    find: (tx) => findCouncil(tx),
    build: async (current) => {
      const base: Council = current ?? {
        name: '',
        shortName: '',
        description: '',
        establishedOn: null,
        foundingText: null,
      };
      const next = { ...base, ...patch };
      if (!next.name || !next.shortName) {
        throw new AppError('VALIDATION_FAILED', 'The council needs a name and a short name.', [
          { path: next.name ? 'shortName' : 'name', message: 'is required' },
        ]);
      }
      return next;
    },
    save: saveCouncil,
  });
}

/** Creates (mode 'create'), changes ('update') or creates-or-changes ('upsert', for seed scripts) a member. */
export async function saveMember(
  database: Database,
  ctx: WriteContext,
  code: string,
  input: MemberCreate | MemberPatch,
  mode: 'create' | 'update' | 'upsert',
): Promise<WriteOutcome<Member>> {
  return saveWithAudit<Member>(database, ctx, {
    type: 'member',
    id: code,
    mode,
    find: members.findMember,
    build: async (current, tx) => {
      const name = requireName('member', input.name ?? current?.name);
      refuseDuplicateName(await members.memberNameTaken(tx, name, code), 'member', name);
      return {
        code,
        name,
        sortName: input.sortName ?? (input.name !== undefined ? input.name : current?.sortName) ?? name,
        kind: input.kind ?? current?.kind ?? 'state',
        joinedOn: input.joinedOn !== undefined ? input.joinedOn : (current?.joinedOn ?? null),
        groups: [...(input.groups ?? current?.groups ?? [])].sort(),
      };
    },
    save: members.saveMember,
  });
}

export const deleteMember = deleteWithAudit({
  type: 'member',
  find: members.findMember,
  references: members.memberReferences,
  remove: members.deleteMember,
});

/** Creates, changes or upserts a format; every member it names must exist. */
export async function saveFormat(
  database: Database,
  ctx: WriteContext,
  code: string,
  input: FormatCreate | FormatPatch,
  mode: 'create' | 'update' | 'upsert',
): Promise<WriteOutcome<Format>> {
  return saveWithAudit<Format>(database, ctx, {
    type: 'format',
    id: code,
    mode,
    find: formats.findFormat,
    build: async (current, tx) => {
      const name = input.name ?? current?.name;
      const memberCodes = input.members ?? current?.members;
      if (!name || !memberCodes)
        throw new AppError('VALIDATION_FAILED', 'A format needs a name and members.', [
          { path: name ? 'members' : 'name', message: 'is required' },
        ]);
      refuseUnknown(
        unknownReferences('members', 'member', memberCodes, await members.unknownMemberCodes(tx, memberCodes)),
      );
      refuseDuplicateName(await formats.formatNameTaken(tx, name, code), 'format', name);
      // Keep seating order stable for comparisons: the repository returns members by sort name.
      const all = await members.listMembers(tx);
      const ordered = all.filter((m) => memberCodes.includes(m.code)).map((m) => m.code);
      if (current && ordered.join() !== current.members.join()) await refuseWiderThanBody(tx, current, ordered);
      return { code, name, description: input.description ?? current?.description ?? '', members: ordered };
    },
    save: formats.saveFormat,
  });
}

/**
 * An item may admit no member its body's format does not (a visible item would reveal a hidden body):
 * meetings, projects and events enforce it when written, and a change of a format's members must not
 * undo it — by adding members to an item's format, or removing them from a body's. Only what this change
 * would newly put outside is refused, so an unrelated edit is never blocked.
 */
async function refuseWiderThanBody(tx: Tx, current: Format, nextMembers: readonly string[]): Promise<void> {
  const groups = await itemsInOtherFormatThanTheirBody(tx, current.code);
  if (groups.length === 0) return;
  const all = await formats.listFormats(tx);
  const membersOf = (code: string, next: boolean): readonly string[] =>
    code === current.code ? (next ? nextMembers : current.members) : (all.find((f) => f.code === code)?.members ?? []);
  const nameOf = (code: string) => all.find((f) => f.code === code)?.name ?? code;
  const outside = (itemFormat: string, bodyFormat: string, next: boolean) =>
    membersOf(itemFormat, next).filter((m) => !membersOf(bodyFormat, next).includes(m));
  const details: ErrorDetail[] = groups.flatMap((g) => {
    const before = outside(g.itemFormat, g.bodyFormat, false);
    const added = outside(g.itemFormat, g.bodyFormat, true).filter((m) => !before.includes(m));
    if (added.length === 0) return [];
    const who = added.join(', ');
    return [
      {
        path: 'members',
        message: `would show ${g.count} ${g.label} of the body "${g.body}" (in ${nameOf(g.itemFormat)}) to ${who}, who would not be in that body's format ${nameOf(g.bodyFormat)}`,
      },
    ];
  });
  if (details.length === 0) return;
  throw new AppError(
    'VALIDATION_FAILED',
    `The change of members is refused: ${details.map((d) => `members ${d.message}`).join('; ')}. An item may not be seen by more members than its body; change the format of those items, or the body's format, first.`,
    details,
  );
}

export const deleteFormat = deleteWithAudit({
  type: 'format',
  find: formats.findFormat,
  references: formats.formatReferences,
  remove: formats.deleteFormat,
});

/** Creates, changes or upserts a person with their functions; a function's member must exist. */
export async function savePerson(
  database: Database,
  ctx: WriteContext,
  id: string | null,
  input: (PersonCreate | PersonPatch) & { demo?: boolean },
  mode: 'create' | 'update' | 'upsert',
): Promise<WriteOutcome<Person>> {
  const personId = id ?? randomUUID();
  return saveWithAudit<Person>(database, ctx, {
    type: 'person',
    id: personId,
    mode,
    find: persons.findPerson,
    build: async (current, tx) => {
      const name = requireName('person', input.name ?? current?.name);
      const functionsIn = input.functions;
      let functions = current?.functions ?? [];
      if (functionsIn) {
        const codes = functionsIn.map((f) => f.member).filter((m): m is string => m !== null);
        const unknown = await members.unknownMemberCodes(tx, codes);
        refuseUnknown(
          functionsIn.flatMap((f, i) =>
            f.member && unknown.includes(f.member)
              ? [{ path: `functions[${i}].member`, message: `no member "${f.member}"` }]
              : [],
          ),
        );
        functions = functionsIn.map((f, i) => ({
          // Keep ids of unchanged functions so a repeated save is recognised as no change.
          id:
            current?.functions[i]?.title === f.title && current.functions[i]?.memberCode === f.member
              ? current.functions[i].id
              : randomUUID(),
          title: f.title,
          memberCode: f.member,
          startedOn: f.startedOn,
          endedOn: f.endedOn,
        }));
      }
      return {
        id: personId,
        name,
        honorific: input.honorific !== undefined ? input.honorific : (current?.honorific ?? null),
        demo: input.demo ?? current?.demo ?? false,
        functions,
      };
    },
    save: persons.savePerson,
  });
}

export const deletePerson = deleteWithAudit({
  type: 'person',
  find: persons.findPerson,
  references: persons.personReferences,
  remove: persons.deletePerson,
  label: (person) => person.name,
});

/** Creates, changes or upserts a body; its format, parent, chair and topics must exist. */
export async function saveBody(
  database: Database,
  ctx: WriteContext,
  code: string,
  input: BodyCreate | BodyPatch,
  mode: 'create' | 'update' | 'upsert',
): Promise<WriteOutcome<Body>> {
  return saveWithAudit<Body>(database, ctx, {
    type: 'body',
    id: code,
    mode,
    find: bodies.findBody,
    build: async (current, tx) => {
      const next: Body = {
        code,
        name: input.name ?? current?.name ?? '',
        kind: input.kind ?? current?.kind ?? 'working_group',
        parentCode: input.parent !== undefined ? input.parent : (current?.parentCode ?? null),
        formatCode: input.format ?? current?.formatCode ?? '',
        chairPersonId: input.chair !== undefined ? input.chair : (current?.chairPersonId ?? null),
        description: input.description ?? current?.description ?? '',
        isPublic: input.public ?? current?.isPublic ?? false,
        topics: input.topics ?? current?.topics ?? [],
      };
      requireName('body', next.name);
      const problems: ErrorDetail[] = [];
      if (!(await formats.findFormat(tx, next.formatCode)))
        problems.push({ path: 'format', message: `no format "${next.formatCode}"` });
      if (next.parentCode && next.parentCode !== code && !(await bodies.findBody(tx, next.parentCode)))
        problems.push({ path: 'parent', message: `no body "${next.parentCode}"` });
      if (next.chairPersonId && !(await persons.findPerson(tx, next.chairPersonId)))
        problems.push({ path: 'chair', message: `no person "${next.chairPersonId}"` });
      problems.push(
        ...unknownReferences('topics', 'topic', next.topics, await topics.unknownTopicCodes(tx, next.topics)),
      );
      refuseUnknown(problems);
      await refuseLoop(tx, code, next.parentCode);
      await refuseOutsideParent(tx, current, next, input.parent !== undefined ? 'parent' : 'format');
      refuseDuplicateName(await bodies.bodyNameTaken(tx, next.name, code), 'body', next.name);
      const allTopics = await topics.listTopics(tx);
      next.topics = allTopics.filter((t) => next.topics.includes(t.code)).map((t) => t.code);
      return next;
    },
    save: bodies.saveBody,
  });
}

/**
 * The bodies form a tree: walking up from the new parent must never come back to the body itself, or the
 * body would sit below itself (and every page drawing the hierarchy would loop). Refused as invalid input,
 * naming the parent field; the chain is read inside the write's transaction, so a concurrent move is seen.
 */
async function refuseLoop(tx: Tx, code: string, parentCode: string | null): Promise<void> {
  const seen = new Set<string>();
  for (let at = parentCode; at && !seen.has(at); at = (await bodies.findBody(tx, at))?.parentCode ?? null) {
    if (at === code) {
      const message =
        parentCode === code
          ? `The body "${code}" cannot be its own parent. Choose a body above it, or none.`
          : `The body "${code}" cannot sit under "${parentCode}", which is itself below "${code}". Choose a body that is not below it, or none.`;
      throw new AppError('VALIDATION_FAILED', message, [
        { path: 'parent', message: parentCode === code ? 'is the body itself' : `is below "${code}"` },
      ]);
    }
    seen.add(at);
  }
}

/**
 * The body rule applies to parents too: a body may admit no member its parent's format does not, or its
 * members would see a body below one they may not see (and its `parent` would name it). A change of a
 * body's format must keep its sub-bodies inside it, in the same way. Refused as invalid input, naming the
 * members who would be outside.
 */
async function refuseOutsideParent(tx: Tx, current: Body | null, next: Body, path: string): Promise<void> {
  const membersOf = async (code: string) => (await formats.findFormat(tx, code))?.members ?? [];
  // The members of format `inner` that format `outer` does not admit.
  const outside = async (inner: string, outer: string) => {
    const admitted = await membersOf(outer);
    return (await membersOf(inner)).filter((m) => !admitted.includes(m));
  };
  const details: ErrorDetail[] = [];
  const parent = next.parentCode && next.parentCode !== next.code ? await bodies.findBody(tx, next.parentCode) : null;
  if (parent) {
    const who = await outside(next.formatCode, parent.formatCode);
    if (who.length > 0)
      details.push({
        path,
        message: `admits ${who.join(', ')}, who are not in the format of its parent "${parent.code}"`,
      });
  }
  if (current && current.formatCode !== next.formatCode) {
    for (const child of (await bodies.listBodies(tx)).filter((b) => b.parentCode === next.code)) {
      const who = await outside(child.formatCode, next.formatCode);
      if (who.length > 0)
        details.push({
          path: 'format',
          message: `would leave out ${who.join(', ')}, who are in the format of its sub-body "${child.code}"`,
        });
    }
  }
  if (details.length === 0) return;
  throw new AppError(
    'VALIDATION_FAILED',
    `The body "${next.code}" is refused: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}. A body may not be seen by more members than the body above it; choose a narrower format, or another parent.`,
    details,
  );
}

export const deleteBody = deleteWithAudit({
  type: 'body',
  find: bodies.findBody,
  references: bodies.bodyReferences,
  remove: bodies.deleteBody,
});

/** Creates, changes or upserts a topic. */
export async function saveTopic(
  database: Database,
  ctx: WriteContext,
  code: string,
  input: TopicCreate | TopicPatch,
  mode: 'create' | 'update' | 'upsert',
): Promise<WriteOutcome<Topic>> {
  return saveWithAudit<Topic>(database, ctx, {
    type: 'topic',
    id: code,
    mode,
    find: topics.findTopic,
    build: async (current, tx) => {
      const name = requireName('topic', input.name ?? current?.name);
      refuseDuplicateName(await topics.topicNameTaken(tx, name, code), 'topic', name);
      return {
        code,
        name,
        description: input.description ?? current?.description ?? '',
        source: input.source !== undefined ? input.source : (current?.source ?? null),
        position: input.position ?? current?.position ?? 0,
      };
    },
    save: topics.saveTopic,
  });
}

export const deleteTopic = deleteWithAudit({
  type: 'topic',
  find: topics.findTopic,
  references: topics.topicReferences,
  remove: topics.deleteTopic,
});
