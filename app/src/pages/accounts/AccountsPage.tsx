// The accounts: who may sign in, with which roles, for which member, and in which state (active,
// awaiting the first password, locked after wrong passwords, disabled). Administrators and the
// secretariat list them (the server's `can`); only administrators see "New account".
import { Link } from 'react-router';
import { PageTitle } from '../../components/Layout.tsx';
import { ErrorBox, Loading } from '../../components/Status.tsx';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { accountStatus, rolesText, type Account } from './model.ts';
import { NotAvailable } from './NotAvailable.tsx';
import { DataTable } from '../../components/DataTable.tsx';

export function AccountsPage() {
  const { abilities } = useSession();
  if (!abilities.viewAccounts) return <NotAvailable title="Accounts" />;
  return <AccountList mayCreate={abilities.manageAccounts} />;
}

function AccountList({ mayCreate }: { mayCreate: boolean }) {
  const accounts = useApi<{ items: Account[] }>('/users');
  const members = useApi<{ items: { code: string; name: string }[] }>('/members');
  const memberName = (code: string) => members.data?.items.find((m) => m.code === code)?.name ?? code;
  const now = new Date();
  return (
    <>
      <div className="toolbar">
        <PageTitle title="Accounts">Accounts</PageTitle>
        {mayCreate ? (
          <Link className="button" to="/accounts/new">
            New account
          </Link>
        ) : null}
      </div>
      {accounts.status === 'loading' || members.status === 'loading' ? <Loading what="the accounts" /> : null}
      {accounts.error ? <ErrorBox error={accounts.error} retry={accounts.reload} /> : null}
      {/* Member names come from /members; without them (an error) the codes are shown. */}
      {accounts.data && members.status !== 'loading' ? (
        <>
          <p className="meta">
            {accounts.data.items.length} {accounts.data.items.length === 1 ? 'account' : 'accounts'}, by name.
            {mayCreate
              ? ' Open an account to change its roles, disable it or issue a new set-password link.'
              : ' Only administrators change accounts.'}
          </p>
          <DataTable
            className="accounts-table"
            caption={`Accounts, ${accounts.data.items.length} in all`}
            columns={['Name and email address', 'Roles', 'Member', 'Status']}
          >
            {accounts.data.items.map((a) => {
              const status = accountStatus(a, now);
              return (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/accounts/${a.id}`}>{a.name}</Link>
                    <span className="account-email">{a.email}</span>
                  </th>
                  <td>{rolesText(a.roles)}</td>
                  <td>
                    {a.member ? `${memberName(a.member)}${a.headOfDelegation ? ' (head of delegation)' : ''}` : '—'}
                  </td>
                  <td>
                    <span className={`badge account-status ${status.tone}`}>{status.label}</span>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      ) : null}
    </>
  );
}
