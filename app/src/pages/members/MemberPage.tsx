// One member: its groups, date joined and formats, and its delegation — the people holding a function
// for it (persons API), current and former — and, when the server lets this user read accounts, the
// member's user accounts. The secretariat changes the member and its delegation here; every control
// follows the abilities the server sent with the member and the persons.
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading, Notice, PageFailure } from '../../components/Status.tsx';
import { longDate } from '../../components/calendar/dates.ts';
import { Delegation } from '../../components/members/Delegation.tsx';
import { MemberForm } from '../../components/members/MemberForm.tsx';
import {
  mayUpdate,
  type Account,
  type Format,
  type Listed,
  type Member,
  type Person,
} from '../../components/members/model.ts';
import { useApi } from '../../use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';

export function MemberPage() {
  const { code } = useParams();
  const member = useApi<Member>(`/members/${code}`);
  const formats = useApi<Listed<Format>>('/formats');
  const persons = useApi<Listed<Person>>('/persons');
  // What is shown: as loaded, then as the server answered each write (so a notice never sits beside stale data).
  const [shownMember, setShownMember] = useState<Member | null>(null);
  const [shownPersons, setShownPersons] = useState<Listed<Person> | null>(null);
  useEffect(() => setShownMember(member.data), [member.data]);
  useEffect(() => setShownPersons(persons.data), [persons.data]);
  // Accounts are for administrators and the secretariat; anyone else is refused, and the section is left out.
  const accounts = useApi<{ items: Account[] }>('/users');
  const [editing, setEditing] = useState(false);
  // A notice handed over by the page that sent the reader here ("… is added").
  const [notice, setNotice] = useState<string | null>(
    (useLocation().state as { notice?: string } | null)?.notice ?? null,
  );

  if (member.status === 'loading' || (member.data && !shownMember)) return <Loading what="the member" />;
  if (member.error)
    return (
      <PageFailure
        title="Member"
        error={member.error}
        retry={member.reload}
        back={{ to: '/members', label: 'All members' }}
      />
    );
  const m = shownMember ?? member.data;
  const inFormats = (formats.data?.items ?? []).filter((f) => f.members.includes(m.code));
  const users = accounts.data?.items.filter((u) => u.member === m.code) ?? null;
  /** After a write: read the delegation again, then say what happened (the notice takes the focus, so it is read out). */
  const changed = async (text: string) => {
    try {
      setShownPersons(await api.get<Listed<Person>>('/persons'));
    } catch {
      persons.reload();
    }
    setNotice(text);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.notice')?.focus());
  };

  return (
    <>
      <p className="eyebrow">
        <Link to="/members">Members</Link>
      </p>
      <PageTitle title={m.name}>{m.name}</PageTitle>
      <Notice text={notice} focusable />
      {editing ? (
        <MemberForm
          member={m}
          onSaved={(next) => {
            setEditing(false);
            setShownMember(next);
            void changed(`${next.name} is saved.`);
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-focus="edit-member"]')?.focus());
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <dt>Code</dt>
            <dd>{m.code}</dd>
            <dt>Kind</dt>
            <dd>{m.kind === 'state' ? 'State' : 'Organisation'}</dd>
            <dt>Sort name</dt>
            <dd>{m.sortName}</dd>
            <dt>Groups</dt>
            <dd>{m.groups.join(', ') || '—'}</dd>
            <dt>Joined</dt>
            <dd>{m.joinedOn ? longDate(m.joinedOn) : 'Not recorded'}</dd>
            <dt>Formats</dt>
            <dd>
              {formats.data
                ? inFormats.length === 0
                  ? 'None'
                  : inFormats.map((f, i) => (
                      <span key={f.code}>
                        {i > 0 ? ', ' : ''}
                        <Link to={`/formats/${f.code}`}>{f.name}</Link>
                      </span>
                    ))
                : '…'}
            </dd>
          </dl>
          {mayUpdate(m) ? (
            <p>
              <button
                type="button"
                className="button secondary"
                data-focus="edit-member"
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                Change the member
              </button>
            </p>
          ) : null}
        </>
      )}

      {persons.status === 'loading' || (persons.data && !shownPersons) ? <Loading what="the delegation" /> : null}
      {persons.error ? <ErrorBox error={persons.error} retry={persons.reload} /> : null}
      {shownPersons ? (
        <Delegation
          member={m}
          persons={shownPersons}
          onStart={() => setNotice(null)}
          onChanged={(text) => void changed(text)}
        />
      ) : null}

      {users ? (
        <section aria-labelledby="accounts-h">
          <h2 id="accounts-h">User accounts</h2>
          {users.length === 0 ? (
            <Empty>No accounts belong to {m.name}.</Empty>
          ) : (
            <DataTable
              caption={`User accounts of ${m.name}`}
              scrollLabel={`User accounts of ${m.name}`}
              columns={['Name', 'Email', 'Roles', 'State']}
            >
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
            </DataTable>
          )}
        </section>
      ) : null}
    </>
  );
}
