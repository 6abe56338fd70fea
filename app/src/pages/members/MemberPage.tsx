// One member: its groups, date joined and formats, and its delegation — the people holding a function
// for it (persons API) and, when the server lets this user read accounts, the member's user accounts.
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading } from '../../components/Status.tsx';
import { longDate } from '../../components/calendar/dates.ts';
import type { Account, Format, Member, Person } from '../../components/members/model.ts';
import { useApi } from '../../use-api.ts';

const span = (from: string | null, to: string | null) => (from && to ? `${longDate(from)} – ${longDate(to)}` : from ? `since ${longDate(from)}` : to ? `until ${longDate(to)}` : null);

export function MemberPage() {
  const { code } = useParams();
  const member = useApi<Member>(`/members/${code}`);
  const formats = useApi<{ items: Format[] }>('/formats');
  const persons = useApi<{ items: Person[] }>('/persons');
  // Accounts are for administrators and the secretariat; anyone else is refused, and the section is left out.
  const accounts = useApi<{ items: Account[] }>('/users');

  if (member.status === 'loading') return <Loading what="the member" />;
  if (member.error)
    return (
      <>
        <PageTitle title="Member">Member</PageTitle>
        <ErrorBox error={member.error} retry={member.reload} />
        <p>
          <Link to="/members">All members</Link>
        </p>
      </>
    );
  const m = member.data;
  const inFormats = (formats.data?.items ?? []).filter((f) => f.members.includes(m.code));
  const delegation = (persons.data?.items ?? []).flatMap((p) => p.functions.filter((f) => f.member === m.code).map((f) => ({ person: p, fn: f })));
  const users = accounts.data?.items.filter((u) => u.member === m.code) ?? null;

  return (
    <>
      <p className="eyebrow">
        <Link to="/members">Members</Link>
      </p>
      <PageTitle title={m.name}>{m.name}</PageTitle>
      <dl className="facts">
        <dt>Code</dt>
        <dd>{m.code}</dd>
        <dt>Kind</dt>
        <dd>{m.kind === 'state' ? 'State' : 'Organisation'}</dd>
        <dt>Groups</dt>
        <dd>{m.groups.join(', ') || '—'}</dd>
        <dt>Joined</dt>
        <dd>{m.joinedOn ? longDate(m.joinedOn) : 'Not recorded'}</dd>
        <dt>Formats</dt>
        <dd>{formats.data ? inFormats.map((f) => f.name).join(', ') || 'None' : '…'}</dd>
      </dl>

      <section aria-labelledby="delegation-h">
        <h2 id="delegation-h">Delegation</h2>
        {persons.status === 'loading' ? <Loading what="the delegation" /> : null}
        {persons.error ? <ErrorBox error={persons.error} retry={persons.reload} /> : null}
        {persons.data && delegation.length === 0 ? <Empty>No people are recorded with a function for {m.name}.</Empty> : null}
        {delegation.length > 0 ? (
          <ul className="plain member-people">
            {delegation.map(({ person, fn }) => {
              const when = span(fn.startedOn, fn.endedOn);
              return (
                <li key={fn.id}>
                  <strong>{[person.honorific, person.name].filter(Boolean).join(' ')}</strong>, {fn.title}
                  {when ? <span className="meta"> ({when})</span> : null}
                  {person.demo ? <span className="badge warn">Demo data</span> : null}
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>

      {users ? (
        <section aria-labelledby="accounts-h">
          <h2 id="accounts-h">User accounts</h2>
          {users.length === 0 ? (
            <Empty>No accounts belong to {m.name}.</Empty>
          ) : (
            <div className="table-scroll">
              <table className="data">
                <caption className="visually-hidden">User accounts of {m.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Roles</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">{u.name}</th>
                      <td>{u.email}</td>
                      <td>
                        {u.roles.join(', ')}
                        {u.headOfDelegation ? ', head of delegation' : ''}
                      </td>
                      <td>{u.disabled ? 'Disabled' : u.passwordSet ? 'Active' : 'Waiting for a first password'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
