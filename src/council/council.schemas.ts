// zod schemas for the council API: inputs are strict (an unknown field is an error naming it) and
// outputs list their fields explicitly; the OpenAPI document is generated from these.
import { z } from 'zod';
import { abilitiesOut } from '../kernel/access/abilities.ts';
import { BODY_KINDS } from './model.ts';
import { isoDate, memberCode, slug, text, uniqueList } from '../kernel/fields.ts';

export const memberCodeParams = z.object({ code: memberCode });
export const slugParams = z.object({ code: slug });
export const idParams = z.object({ id: z.string().uuid('must be a UUID') });

export const councilOut = z.object({
  name: z.string(),
  shortName: z.string(),
  description: z.string(),
  establishedOn: z.string().nullable(),
  foundingText: z.string().nullable(),
});
export const councilPatch = z
  .object({
    name: text(200),
    shortName: text(40),
    description: z.string().max(5000),
    establishedOn: isoDate.nullable(),
    foundingText: z.string().max(500).nullable(),
  })
  .partial()
  .strict();

// Reference data is public, so its shape stays what it always was for the public and for scripts; a
// signed-in reader (the workspace) also gets what they may do, decided by `can` (issue 4).
const itemAbilities = abilitiesOut.optional();
/** A list's abilities: whether the reader may add to it (signed-in readers only, as for items). */
export const listAbilitiesOut = z
  .object({ create: z.boolean() })
  .meta({ description: "What the signed-in reader may add to this list (decided by the server's access rules)" })
  .optional();

export const memberOut = z.object({
  code: z.string(),
  name: z.string(),
  sortName: z.string(),
  kind: z.enum(['state', 'organisation']),
  joinedOn: z.string().nullable(),
  groups: z.array(z.string()),
  abilities: itemAbilities,
});
// Patch schemas are built from the same fields WITHOUT defaults: in zod 4 a default survives
// `.partial()`, which would make a PATCH silently reset every field it does not mention.
const memberFields = {
  name: text(200),
  sortName: text(200),
  kind: z.enum(['state', 'organisation']),
  joinedOn: isoDate.nullable(),
  groups: uniqueList(text(60), 'group'),
};
export const memberCreate = z
  .object({
    code: memberCode,
    ...memberFields,
    sortName: memberFields.sortName.optional(),
    kind: memberFields.kind.default('state'),
    joinedOn: memberFields.joinedOn.default(null),
    groups: memberFields.groups.default([]),
  })
  .strict();
export const memberPatch = z.object(memberFields).partial().strict();

export const formatOut = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  members: z.array(z.string()),
  abilities: itemAbilities,
});
const formatFields = {
  name: text(200),
  description: z.string().max(5000),
  members: uniqueList(memberCode, 'member').min(1, 'must name at least one member'),
};
export const formatCreate = z
  .object({ code: slug, ...formatFields, description: formatFields.description.default('') })
  .strict();
export const formatPatch = z.object(formatFields).partial().strict();

const functionIn = z
  .object({
    title: text(200),
    member: memberCode.nullable().default(null),
    startedOn: isoDate.nullable().default(null),
    endedOn: isoDate.nullable().default(null),
  })
  .strict()
  .refine((f) => !f.startedOn || !f.endedOn || f.endedOn >= f.startedOn, {
    path: ['endedOn'],
    message: 'must be on or after the day the function started',
  });
export const personOut = z.object({
  id: z.string(),
  name: z.string(),
  honorific: z.string().nullable(),
  demo: z.boolean(),
  functions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      member: z.string().nullable(),
      startedOn: z.string().nullable(),
      endedOn: z.string().nullable(),
    }),
  ),
  abilities: itemAbilities,
});
const personFields = { name: text(200), honorific: text(60).nullable(), functions: z.array(functionIn).max(50) };
export const personCreate = z
  .object({
    ...personFields,
    honorific: personFields.honorific.default(null),
    functions: personFields.functions.default([]),
  })
  .strict();
export const personPatch = z.object(personFields).partial().strict();

export const bodyOut = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(BODY_KINDS),
  parent: z.string().nullable(),
  format: z.string(),
  chair: z.object({ id: z.string(), name: z.string() }).nullable(),
  description: z.string(),
  public: z.boolean(),
  topics: z.array(z.string()),
  abilities: itemAbilities,
});
const bodyFields = {
  name: text(200),
  kind: z.enum(BODY_KINDS),
  parent: slug.nullable(),
  format: slug,
  chair: z.string().uuid('must be the id (UUID) of a person').nullable(),
  description: z.string().max(5000),
  public: z.boolean(),
  topics: uniqueList(slug, 'topic'),
};
export const bodyCreate = z
  .object({
    code: slug,
    ...bodyFields,
    parent: bodyFields.parent.default(null),
    chair: bodyFields.chair.default(null),
    description: bodyFields.description.default(''),
    public: bodyFields.public.default(false),
    topics: bodyFields.topics.default([]),
  })
  .strict();
export const bodyPatch = z.object(bodyFields).partial().strict();

/** What changing a format's members would affect: its items, by kind, and how many of them are public. */
const usageCount = z.object({ total: z.number().int(), public: z.number().int() });
export const formatUsageOut = z
  .object({
    format: z.string(),
    meetings: usageCount,
    projects: usageCount,
    events: usageCount,
    bodies: usageCount,
    texts: z.object({ total: z.number().int() }).meta({
      description:
        'Texts keep the members their format had when each was created: a change of members does not reach them',
    }),
  })
  .meta({
    description:
      'The items of a format: a delegate sees the ones that are not public only while their member is in the format',
  });

export const topicOut = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  source: z.string().nullable(),
  position: z.number(),
  abilities: itemAbilities,
});
const topicFields = {
  name: text(200),
  description: z.string().max(5000),
  source: z.string().max(500).nullable(),
  position: z.number().int().min(0).max(100000),
};
export const topicCreate = z
  .object({
    code: slug,
    ...topicFields,
    description: topicFields.description.default(''),
    source: topicFields.source.default(null),
    position: topicFields.position.default(0),
  })
  .strict();
export const topicPatch = z.object(topicFields).partial().strict();

export type CouncilPatch = z.infer<typeof councilPatch>;
export type MemberCreate = z.infer<typeof memberCreate>;
export type MemberPatch = z.infer<typeof memberPatch>;
export type FormatCreate = z.infer<typeof formatCreate>;
export type FormatPatch = z.infer<typeof formatPatch>;
export type PersonCreate = z.infer<typeof personCreate>;
export type PersonPatch = z.infer<typeof personPatch>;
export type BodyCreate = z.infer<typeof bodyCreate>;
export type BodyPatch = z.infer<typeof bodyPatch>;
export type TopicCreate = z.infer<typeof topicCreate>;
export type TopicPatch = z.infer<typeof topicPatch>;
