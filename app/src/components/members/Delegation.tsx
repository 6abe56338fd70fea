// A member's delegation: who holds a function for it now, and (separately) who held one before. The
// secretariat adds a person, changes a function, ends one (the person stays in the record among the
// former functions) and deletes a person nothing refers to — each control shown only when the server's
// abilities allow it. A refused delete shows the server's message, which names what still refers to
// the person.
import { useState } from 'react';
import { api, ApiError, asApiError } from '../../api.ts';
import { ConfirmDelete } from '../ConfirmDelete.tsx';
import { Empty, Refusal } from '../Status.tsx';
import { longDate, todayIso } from '../calendar/dates.ts';
import { delegationOf, fullName, type Holder } from './delegation-model.ts';
import { EndFunctionForm } from './EndFunctionForm.tsx';
import { mayCreate, mayDelete, mayUpdate, type Listed, type Member, type Person } from './model.ts';
import { PersonFunctionForm } from './PersonFunctionForm.tsx';

type Editing = { kind: 'add' } | { kind: 'change' | 'end'; fnId: string } | null;

const span = (from: string | null, to: string | null) =>
  from && to
    ? `${longDate(from)} – ${longDate(to)}`
    : from
      ? `since ${longDate(from)}`
      : to
        ? `until ${longDate(to)}`
        : null;

/** Moves the focus to the element marked data-focus=`key` once React has drawn it. */
const focusLater = (key: string) =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-focus="${key}"]`)?.focus());

export function Delegation({
  member,
  persons,
  onStart,
  onChanged,
}: {
  member: Member;
  persons: Listed<Person>;
  onStart: () => void;
  onChanged: (notice: string) => void;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const [refusal, setRefusal] = useState<{ personId: string; error: ApiError } | null>(null);
  const { current, former } = delegationOf(persons.items, member.code, todayIso());

  const open = (next: Editing) => {
    onStart();
    setRefusal(null);
    setEditing(next);
  };
  const close = (focusKey: string) => {
    setEditing(null);
    focusLater(focusKey);
  };
  const saved = (notice: string) => {
    setEditing(null);
    onChanged(notice);
  };
  async function remove(person: Person) {
    onStart();
    setRefusal(null);
    try {
      await api.delete(`/persons/${person.id}`);
      onChanged(`${fullName(person)} is deleted from the record.`);
    } catch (e) {
      setRefusal({ personId: person.id, error: asApiError(e) });
    }
  }

  const entry = (h: Holder, isCurrent: boolean) => {
    const { person, fn } = h;
    const who = fullName(person);
    const when = span(fn.startedOn, fn.endedOn);
    const changing = editing?.kind === 'change' && editing.fnId === fn.id;
    const ending = editing?.kind === 'end' && editing.fnId === fn.id;
    return (
      <li key={fn.id} className="delegate">
        <p className="delegate-line">
          <strong>{who}</strong>, {fn.title}
          {when ? <span className="meta"> ({when})</span> : null}
          {person.demo ? <span className="badge warn">Demo data</span> : null}
        </p>
        {(mayUpdate(person) || mayDelete(person)) && !changing && !ending ? (
          <div className="item-actions">
            {mayUpdate(person) ? (
              <button
                type="button"
                className="button secondary"
                data-focus={`change-${fn.id}`}
                onClick={() => open({ kind: 'change', fnId: fn.id })}
              >
                Change<span className="visually-hidden"> the function of {who}</span>
              </button>
            ) : null}
            {mayUpdate(person) && isCurrent ? (
              <button
                type="button"
                className="button secondary"
                data-focus={`end-${fn.id}`}
                onClick={() => open({ kind: 'end', fnId: fn.id })}
              >
                End the function<span className="visually-hidden"> of {who}</span>
              </button>
            ) : null}
            {/* Keyed on the refusal, so that a refused delete goes back to its first step. */}
            {mayDelete(person) ? (
              <ConfirmDelete
                key={refusal?.personId === person.id ? 'refused' : 'ready'}
                label={`Delete ${who}`}
                confirmLabel={`Yes, delete ${who} from the record`}
                onConfirm={() => void remove(person)}
              />
            ) : null}
          </div>
        ) : null}
        <Refusal error={refusal?.personId === person.id ? refusal.error : null} />
        {changing ? (
          <PersonFunctionForm member={member} holder={h} onSaved={saved} onCancel={() => close(`change-${fn.id}`)} />
        ) : null}
        {ending ? <EndFunctionForm holder={h} onSaved={saved} onCancel={() => close(`end-${fn.id}`)} /> : null}
      </li>
    );
  };

  return (
    <section aria-labelledby="delegation-h">
      <h2 id="delegation-h">Delegation</h2>
      {current.length === 0 ? (
        <Empty>No one holds a function for {member.name} now.</Empty>
      ) : (
        <ul className="plain delegation">{current.map((h) => entry(h, true))}</ul>
      )}
      {editing?.kind === 'add' ? (
        <PersonFunctionForm member={member} holder={null} onSaved={saved} onCancel={() => close('add-person')} />
      ) : mayCreate(persons) ? (
        <p>
          <button
            type="button"
            className="button secondary"
            data-focus="add-person"
            onClick={() => open({ kind: 'add' })}
          >
            Add a person
          </button>
        </p>
      ) : null}
      {former.length > 0 ? (
        <section aria-labelledby="former-h">
          <h3 id="former-h">Former functions</h3>
          <p className="meta">People who held a function for {member.name} that has ended. They stay in the record.</p>
          <ul className="plain delegation former">{former.map((h) => entry(h, false))}</ul>
        </section>
      ) : null}
    </section>
  );
}
