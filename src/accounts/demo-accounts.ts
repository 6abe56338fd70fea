// The accounts of the demo data set (all DEMO DATA: invented for the demonstration, except that Lord
// Robertson was the Secretary General who chaired the council in 2002). They exist only when the demo
// is loaded, share one published password, and are created through the same audited service as any
// account. Clearances are invented too.
import type { WriteContext } from '../kernel/audit/audited-write.ts';
import type { Database } from '../kernel/db/connect.ts';
import { ensureDemoAccount } from './accounts.service.ts';
import type { AccountFields } from './model.ts';

export const DEMO_PASSWORD = 'concord-demo-2002';

export interface DemoAccount {
  fields: AccountFields;
  /** What the account is for, as listed in the README and the log. */
  role: string;
}

const account = (email: string, name: string, role: string, rest: Partial<AccountFields>): DemoAccount => ({
  role,
  fields: {
    email,
    name,
    roles: ['secretariat'],
    memberCode: null,
    headOfDelegation: false,
    clearance: 'SECRET',
    disabled: false,
    ...rest,
  },
});

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account('secretariat@demo.concord', 'Secretariat Officer (demo)', 'secretariat officer', {}),
  account('chair@demo.concord', 'Lord Robertson of Port Ellen', 'chair: the Secretary General', { roles: ['chair'] }),
  account('head.ru@demo.concord', 'Head of the Russian Delegation (demo)', 'head of the Russian delegation', {
    roles: ['delegate'],
    memberCode: 'RUS',
    headOfDelegation: true,
    clearance: 'CONFIDENTIAL',
  }),
  account('head.pl@demo.concord', 'Head of the Polish Delegation (demo)', 'head of the Polish delegation', {
    roles: ['delegate'],
    memberCode: 'POL',
    headOfDelegation: true,
    clearance: 'CONFIDENTIAL',
  }),
  account('auditor@demo.concord', 'Auditor (demo)', 'auditor', { roles: ['auditor'] }),
];

/** Creates the demo accounts that are missing or differ; returns one outcome per account. */
export async function loadDemoAccounts(
  database: Database,
  ctx: WriteContext,
): Promise<{ changed: boolean; existed: boolean }[]> {
  const outcomes = [];
  for (const demo of DEMO_ACCOUNTS) outcomes.push(await ensureDemoAccount(database, ctx, demo.fields, DEMO_PASSWORD));
  return outcomes;
}

/** "secretariat@demo.concord (secretariat officer), …": the list printed when the demo loads. */
export function describeDemoAccounts(): string {
  return DEMO_ACCOUNTS.map((a) => `${a.fields.email} (${a.role})`).join(', ');
}
