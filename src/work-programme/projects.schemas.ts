// zod schemas of the work-programme API: strict inputs naming every bad field, explicit outputs.
import { z } from 'zod';
import { abilitiesOut } from '../kernel/access/abilities.ts';
import { DELIVERABLE_KINDS, DELIVERABLE_STATUSES, PROJECT_STATUSES } from './model.ts';
import { isoDate, longText, memberCode, pagingQuery, refOut, slug, text, uniqueList } from '../kernel/fields.ts';

const deliverableFields = {
  kind: z.enum(DELIVERABLE_KINDS),
  title: text(300),
  dueOn: isoDate.nullable(),
  status: z.enum(DELIVERABLE_STATUSES),
  result: longText(10000),
  achievedOn: isoDate.nullable(),
};
export const deliverableCreate = z
  .object({
    ...deliverableFields,
    kind: deliverableFields.kind.default('deliverable'),
    dueOn: deliverableFields.dueOn.default(null),
    status: deliverableFields.status.default('planned'),
    result: deliverableFields.result.default(''),
    achievedOn: deliverableFields.achievedOn.default(null),
  })
  .strict();
export const deliverablePatch = z.object(deliverableFields).partial().strict();

const projectFields = {
  body: slug,
  format: slug,
  title: text(300),
  description: longText(10000),
  status: z.enum(PROJECT_STATUSES),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  public: z.boolean(),
  topics: uniqueList(slug, 'topic').max(20),
  leadMembers: uniqueList(memberCode, 'member').max(50),
};
export const projectCreate = z
  .object({
    ...projectFields,
    format: slug.optional().describe("Defaults to the body's format"),
    description: projectFields.description.default(''),
    status: projectFields.status.default('active'),
    startsOn: projectFields.startsOn.default(null),
    endsOn: projectFields.endsOn.default(null),
    public: projectFields.public.default(false),
    topics: projectFields.topics.default([]),
    leadMembers: projectFields.leadMembers.default([]),
    deliverables: z.array(deliverableCreate).max(200).default([]),
  })
  .strict();
export const projectPatch = z.object(projectFields).partial().strict();
export const progressReportCreate = z.object({ reportedOn: isoDate, summary: text(20000) }).strict();

export const projectListQuery = z.object({
  body: slug.optional(),
  topic: slug.optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  q: z.string().max(200, 'must be at most 200 characters').optional(),
  ...pagingQuery,
});
export const deliverableParams = z.object({
  id: z.string().uuid('must be a UUID'),
  deliverableId: z.string().uuid('must be a UUID'),
});

const deliverableOut = z.object({
  id: z.string(),
  kind: z.enum(DELIVERABLE_KINDS),
  title: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(DELIVERABLE_STATUSES),
  result: z.string(),
  achievedOn: z.string().nullable(),
});
const summaryFields = {
  id: z.string(),
  title: z.string(),
  body: refOut.nullable(),
  format: refOut,
  status: z.enum(PROJECT_STATUSES),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  public: z.boolean(),
  abilities: abilitiesOut,
  topics: z.array(refOut),
  leadMembers: z.array(refOut),
};
export const projectSummaryOut = z.object(summaryFields);
export const projectOut = z.object({
  ...summaryFields,
  description: z.string(),
  deliverables: z.array(deliverableOut),
  progressReports: z.array(z.object({ id: z.string(), reportedOn: z.string(), summary: z.string() })),
  updatedAt: z.string(),
});
export const projectListOut = z.object({ total: z.number().int(), items: z.array(projectSummaryOut) });
export const achievementsOut = z.object({
  subject: refOut,
  total: z.number().int(),
  items: z.array(
    z.object({
      project: z.object({ id: z.string(), title: z.string(), body: refOut.nullable() }),
      deliverable: deliverableOut,
      topics: z.array(refOut),
    }),
  ),
});

export type ProjectCreate = z.infer<typeof projectCreate>;
export type ProjectPatch = z.infer<typeof projectPatch>;
export type DeliverableCreate = z.infer<typeof deliverableCreate>;
export type DeliverablePatch = z.infer<typeof deliverablePatch>;
export type ProgressReportCreate = z.infer<typeof progressReportCreate>;
