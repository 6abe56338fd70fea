// The closed list of audited actions. A new kind of change adds its action here first.
export const AUDIT_ACTIONS = [
  'council.updated',
  'member.created',
  'member.updated',
  'member.deleted',
  'format.created',
  'format.updated',
  'format.deleted',
  'person.created',
  'person.updated',
  'person.deleted',
  'body.created',
  'body.updated',
  'body.deleted',
  'topic.created',
  'topic.updated',
  'topic.deleted',
  'record.imported',
  'record.revised',
  'record.source_linked',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
