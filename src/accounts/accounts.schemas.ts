// zod schemas of the accounts API: strict inputs whose errors name the field, explicit outputs (→ OpenAPI).
// Outputs never include a password hash or a token hash; the one-time link is returned once, at issue.
import { z } from 'zod';
import { memberCode } from '../kernel/fields.ts';
import { CLEARANCES, ROLES } from './model.ts';
import { passwordProblem } from './passwords.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .regex(EMAIL, 'must be an email address such as name@example.org');
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const roles = z
  .array(z.enum(ROLES))
  .min(1, 'must name at least one role')
  .refine((list) => new Set(list).size === list.length, 'must not list the same role twice');
/** A new password: the policy's message names what is wrong. */
export const newPassword = z
  .string()
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: 'At least 12 characters.' });
// A password being checked, not chosen: any length the policy ever allowed, bounded against abuse.
const givenPassword = z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters');

export const signInBody = z
  .object({
    email: z.string().trim().toLowerCase().min(1, 'must not be empty').max(254, 'must be at most 254 characters'),
    password: givenPassword,
  })
  .strict();
export const changePasswordBody = z.object({ currentPassword: givenPassword, newPassword }).strict();
export const passwordSetupBody = z
  .object({
    token: z.string().min(1, 'must not be empty').max(200, 'is not a valid link token'),
    password: newPassword,
  })
  .strict();

export const userCreate = z
  .object({
    email: emailField,
    name,
    roles,
    member: memberCode.nullable().default(null),
    headOfDelegation: z.boolean().default(false),
    clearance: z.enum(CLEARANCES).default('RESTRICTED'),
  })
  .strict();
// No defaults here: in zod 4 a default survives .partial() and would silently reset unmentioned fields.
export const userPatch = z
  .object({
    email: emailField,
    name,
    roles,
    member: memberCode.nullable(),
    headOfDelegation: z.boolean(),
    clearance: z.enum(CLEARANCES),
    disabled: z.boolean(),
  })
  .partial()
  .strict();
export const userIdParams = z.object({ id: z.string().uuid('must be a UUID') });

export const userOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  member: z.string().nullable(),
  headOfDelegation: z.boolean(),
  clearance: z.string(),
  demo: z.boolean(),
  disabled: z.boolean(),
  passwordSet: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean(), disable: z.boolean() }).meta({
    description: "What the reader may do with this account: change it (and issue links); disable it (never one's own)",
  }),
});
export const setupLinkOut = z.object({ setupUrl: z.string(), setupExpiresAt: z.string() });
export const userCreatedOut = z.object({ user: userOut, setupUrl: z.string(), setupExpiresAt: z.string() });
export const sessionOut = z.object({
  actor: z.enum(['public', 'user', 'admin-token']),
  // The signed-in user as every request sees it: the account's identity and rights, nothing more.
  user: userOut
    .pick({ id: true, email: true, name: true, roles: true, member: true, headOfDelegation: true, clearance: true })
    .nullable(),
  csrfToken: z.string().nullable().meta({
    description:
      'Send it as the x-csrf-token header of every POST, PUT, PATCH and DELETE made with the session cookie.',
  }),
  expiresAt: z.string().nullable(),
  abilities: z
    .object({
      createMeetings: z.boolean(),
      createProjects: z.boolean(),
      createEvents: z.boolean(),
      createTexts: z.boolean(),
      viewAccounts: z.boolean().meta({ description: 'May list the accounts (administrators, the secretariat)' }),
      manageAccounts: z.boolean().meta({ description: 'May create and change accounts (administrators)' }),
    })
    .meta({ description: 'What the reader may start; each item also carries its own abilities' }),
});

export type SignInBody = z.infer<typeof signInBody>;
export type UserCreate = z.infer<typeof userCreate>;
export type UserPatch = z.infer<typeof userPatch>;
