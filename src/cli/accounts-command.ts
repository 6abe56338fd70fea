// `concord accounts`: accounts from the server's own command line, with no ADMIN_TOKEN and no server
// running — above all the first administrator of a new installation. The flags are validated by the
// API's zod schema (accounts.schemas.ts) and the writes go through the same audited service as
// POST /api/v1/users, with the actor `system:cli`. A refusal is one line naming the flag and what to do.
import type { Command } from 'commander';
import type { z } from 'zod';
import { emailField, userCreate } from '../accounts/accounts.schemas.ts';
import { createAccount, issueSetupLink, type SetupLink } from '../accounts/accounts.service.ts';
import { describeInstant } from '../accounts/login-policy.ts';
import { CLEARANCES, ROLES, type User } from '../accounts/model.ts';
import { findUserByEmail, listUsers } from '../accounts/users.repository.ts';
import type { WriteContext } from '../kernel/audit/audited-write.ts';
import { listMembers } from '../council/repositories/members.repository.ts';
import { loadConfig, type Config } from '../kernel/config.ts';
import type { Database } from '../kernel/db/connect.ts';
import { AppError, type ErrorDetail } from '../kernel/errors.ts';

/** How the audit trail names writes made with `concord accounts`. */
export const CLI_ACTOR = 'system:cli';

export type WithDatabase = <T>(config: Config, work: (database: Database) => Promise<T>) => Promise<T>;

const out = (line: string) => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);
const ctx = (): WriteContext => ({ actor: CLI_ACTOR, requestId: null, now: new Date() });

// The API's field names as the command's flags, so a message names what the operator typed.
const FLAGS: Record<string, string> = {
  email: '--email',
  name: '--name',
  roles: '--role',
  member: '--member',
  headOfDelegation: '--head-of-delegation',
  clearance: '--clearance',
};

interface CreateOptions {
  email?: string;
  name?: string;
  role?: string[];
  member?: string;
  headOfDelegation?: boolean;
  clearance?: string;
}

/** "--role king must be one of …": a problem with its flag (and the value, for one of several roles). */
function flagProblem(detail: ErrorDetail, roles: readonly string[]): string {
  const match = /^(\w+)(?:\[(\d+)\]|\.(\d+))?/.exec(detail.path);
  const field = match?.[1] ?? detail.path;
  const index = match?.[2] ?? match?.[3];
  const value = field === 'roles' && index !== undefined ? ` ${JSON.stringify(roles[Number(index)] ?? '')}` : '';
  return `${FLAGS[field] ?? field}${value} ${detail.message}`;
}

function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join(''),
    message: issue.message,
  }));
}

/** A refusal of the command: main() prints its message as one line and exits 1. */
export class CliError extends Error {
  override name = 'CliError';
}

async function memberHint(database: Database): Promise<string> {
  const members = await listMembers(database.db);
  if (members.length === 0)
    return ' This database has no members yet: load the council first (concord demo, or the API), or leave out --member.';
  return ` Known member codes: ${members.map((m) => m.code).join(', ')}.`;
}

/** The service's refusals, told in the command's terms. */
async function refusal(
  error: unknown,
  database: Database,
  roles: readonly string[],
  what: string,
  email: string,
): Promise<never> {
  if (!(error instanceof AppError) || error.details.length === 0) throw error;
  const problems = error.details.map((d) => flagProblem(d, roles)).join('; ');
  let hint = ' Correct the options and run again (concord accounts create --help lists them).';
  if (error.code === 'ALREADY_EXISTS')
    hint = ` Choose another address, or give that account a new link with: concord accounts setup-link --email ${email}.`;
  if (error.code === 'UNKNOWN_REFERENCE') hint = await memberHint(database);
  throw new CliError(`${what}: ${problems}. Nothing was written.${hint}`);
}

const roleList = (u: Pick<User, 'roles'>) => u.roles.join(', ');
const memberText = (u: Pick<User, 'memberCode' | 'headOfDelegation'>) =>
  u.memberCode ? `${u.memberCode}${u.headOfDelegation ? ' (head of delegation)' : ''}` : '';

function printLink(link: SetupLink, env: Record<string, string | undefined>): void {
  out(`  ${link.url}`);
  out(
    `It works once, until ${describeInstant(new Date(link.expiresAt))}. Pass it on privately: whoever opens it chooses the password.`,
  );
  if (!env.PUBLIC_URL)
    note(
      `Note: the link starts with ${new URL(link.url).origin} because PUBLIC_URL is not set; set PUBLIC_URL to the address people use to reach Concord.`,
    );
}

/** Creates an account from the flags; prints it and its one-time set-password link. */
export async function runCreate(
  database: Database,
  config: Config,
  options: CreateOptions,
  env: Record<string, string | undefined>,
): Promise<void> {
  const roles = (options.role ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter(Boolean);
  const parsed = userCreate.safeParse({
    email: options.email,
    name: options.name,
    roles,
    member: options.member === undefined ? null : options.member.trim().toUpperCase(),
    headOfDelegation: options.headOfDelegation === true,
    ...(options.clearance !== undefined ? { clearance: options.clearance.trim().toUpperCase() } : {}),
  });
  const what = 'the account was not created';
  if (!parsed.success) {
    throw new CliError(
      `${what}: ${zodDetails(parsed.error)
        .map((d) => flagProblem(d, roles))
        .join('; ')}. Correct the options and run again (concord accounts create --help lists them).`,
    );
  }
  const { member, ...rest } = parsed.data;
  let created: Awaited<ReturnType<typeof createAccount>>;
  try {
    created = await createAccount(database, ctx(), { ...rest, memberCode: member, disabled: false }, config.publicUrl);
  } catch (error) {
    return refusal(error, database, roles, what, parsed.data.email);
  }
  const { user, link } = created;
  const delegation = memberText(user);
  out(
    `Created the account of ${user.name} <${user.email}>: ${roleList(user)}${delegation ? ` for ${delegation}` : ''}; clearance ${user.clearance}.`,
  );
  out(`One-time set-password link for ${user.name}:`);
  printLink(link, env);
}

/** The accounts as a table: email, name, roles, member, password set, disabled. */
export function accountsTable(users: readonly User[]): string[] {
  const header = ['EMAIL', 'NAME', 'ROLES', 'MEMBER', 'PASSWORD SET', 'DISABLED'];
  const rows = users.map((u) => [
    u.email,
    u.name,
    roleList(u),
    memberText(u) || '-',
    u.passwordSet ? 'yes' : 'no',
    u.disabled ? 'yes' : 'no',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((cells) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  '),
  );
}

/** Issues a new one-time link for the account with this email address (older links stop working). */
export async function runSetupLink(
  database: Database,
  config: Config,
  options: { email?: string },
  env: Record<string, string | undefined>,
): Promise<void> {
  const what = 'no link was issued';
  const email = emailField.safeParse(options.email);
  if (!email.success)
    throw new CliError(
      `${what}: ${zodDetails(email.error)
        .map((d) => `--email ${d.message}`)
        .join('; ')}. Run again with the account's address: concord accounts setup-link --email ADDRESS.`,
    );
  const user = await findUserByEmail(database.db, email.data);
  if (!user)
    throw new CliError(
      `${what}: no account has the email address ${email.data}. Nothing was written. List the accounts with concord accounts list, or create one with concord accounts create.`,
    );
  const link = await issueSetupLink(database, ctx(), user.id, config.publicUrl);
  out(`New one-time set-password link for ${user.name} <${user.email}> (any older link no longer works):`);
  printLink(link, env);
  if (user.disabled)
    note(`Note: the account of ${user.email} is disabled; the link works only once an administrator enables it again.`);
}

/** Adds the `accounts` command and its subcommands to the program (inheriting its output settings). */
export function addAccountsCommand(
  program: Command,
  env: Record<string, string | undefined>,
  withDatabase: WithDatabase,
): Command {
  const accounts = program
    .command('accounts')
    .description(
      'Create and list accounts, and issue set-password links, on the server itself (no ADMIN_TOKEN needed).',
    );

  accounts
    .command('create')
    .description(
      'Create an account and print its one-time set-password link (valid 72 hours). The first administrator: concord accounts create --email you@example.org --name "Your Name" --role admin',
    )
    .option('--email <address>', 'the email address the person signs in with')
    .option('--name <name>', 'the name shown in the workspace')
    .option(
      '--role <role>',
      `a role: ${ROLES.join(', ')}; repeat --role for several (a delegate has no other role)`,
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--member <code>', 'for a delegate: the code of the member they act for, e.g. RUS')
    .option('--head-of-delegation', "for a delegate: the head of their member's delegation")
    .option(
      '--clearance <level>',
      `the highest classification the person may read: ${CLEARANCES.join(', ')} (default RESTRICTED)`,
    )
    .action(async (options: CreateOptions) => {
      const config = loadConfig(env);
      await withDatabase(config, (database) => runCreate(database, config, options, env));
    });

  accounts
    .command('list')
    .description(
      'List the accounts: email, name, roles, member, whether the password is set, whether the account is disabled.',
    )
    .action(async () => {
      const config = loadConfig(env);
      const users = await withDatabase(config, (database) => listUsers(database.db));
      if (users.length === 0) {
        out(
          'There are no accounts yet. Create the first administrator with: concord accounts create --email ADDRESS --name NAME --role admin',
        );
        return;
      }
      for (const line of accountsTable(users)) out(line);
    });

  accounts
    .command('setup-link')
    .description(
      'Issue a new one-time set-password link for an account (a forgotten password, a lost or expired link); older links stop working.',
    )
    .option('--email <address>', 'the email address of the account')
    .action(async (options: { email?: string }) => {
      const config = loadConfig(env);
      await withDatabase(config, (database) => runSetupLink(database, config, options, env));
    });

  return accounts;
}
