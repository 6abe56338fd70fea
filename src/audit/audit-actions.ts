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
  // Accounts and sign-in (issue 4). Sign-in failures are security events too; no event holds a password.
  'account.created',
  'account.updated',
  'account.setup_link_issued',
  'password.set',
  'password.changed',
  'session.signed_in',
  'session.signed_out',
  'session.sign_in_failed',
  'session.locked_out',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
