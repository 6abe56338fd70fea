// Positions by member: what each delegation said (support, comments, reservations, breaking silence),
// the reservations standing now, and the forms this reader may use (abilities from the API): support
// or comment for their member, place a reservation (the head of delegation), lift their own.
import { useState } from 'react';
import { api } from '../../api.ts';
import { useSession } from '../../session.tsx';
import { Field } from '../Field.tsx';
import { ActionForm } from './ActionForm.tsx';
import { localWhen, POSITION_LABELS } from './format.ts';
import type { TextDetail } from './types.ts';

function TakePosition({ text, onDone }: { text: TextDetail; onDone: () => void }) {
  const [kind, setKind] = useState<'support' | 'comment'>('support');
  const [statement, setStatement] = useState('');
  return (
    <ActionForm
      label="Your delegation's position"
      submitLabel="Record the position"
      validate={() => (kind === 'comment' && !statement.trim() ? { statement: 'Write the comment.' } : {})}
      send={() => api.post(`/texts/${text.id}/positions`, { kind, statement })}
      onDone={() => {
        setStatement('');
        onDone();
      }}
    >
      {({ fields }) => (
        <>
          <h3>Your delegation's position on version {text.currentVersion}</h3>
          <Field label="Position" error={fields.kind}>
            <select value={kind} onChange={(e) => setKind(e.target.value as 'support' | 'comment')}>
              <option value="support">Support</option>
              <option value="comment">Comment</option>
            </select>
          </Field>
          <Field label={kind === 'comment' ? 'Comment' : 'Statement (optional)'} error={fields.statement}>
            <textarea value={statement} onChange={(e) => setStatement(e.target.value)} rows={3} />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

function PlaceReservation({ text, onDone }: { text: TextDetail; onDone: () => void }) {
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      label="Place a reservation"
      submitLabel="Place the reservation"
      validate={() => (reason.trim() ? {} : { reason: 'Give the reason for the reservation.' })}
      send={() => api.post(`/texts/${text.id}/reservations`, { reason })}
      onDone={() => {
        setReason('');
        onDone();
      }}
    >
      {({ fields }) => (
        <>
          <h3>Place a reservation</h3>
          <p>While a reservation stands the text cannot be put under silence.</p>
          <Field label="Reason" error={fields.reason}>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

function LiftReservation({ text, member, onDone }: { text: TextDetail; member: string; onDone: () => void }) {
  return (
    <ActionForm
      label={`Lift the reservation of ${member}`}
      submitLabel="Lift the reservation"
      send={() => api.delete(`/texts/${text.id}/reservations/${encodeURIComponent(member)}`)}
      onDone={onDone}
    >
      {() => null}
    </ActionForm>
  );
}

export function PositionsPanel({ text, onChanged }: { text: TextDetail; onChanged: () => void }) {
  const { user } = useSession();
  const a = text.abilities;
  return (
    <section className="card positions" aria-labelledby="positions-h">
      <h2 id="positions-h">Positions of members</h2>
      <h3>Reservations standing</h3>
      {text.reservations.length ? (
        <ul className="plain reservations">
          {text.reservations.map((r) => (
            <li key={r.member.code}>
              <p>
                <strong>{r.member.name}</strong> ({r.placedByName ? `${r.placedByName}, ` : ''}
                {localWhen(r.placedAt)}): {r.reason}
              </p>
              {a.liftReservation && r.member.code === user.member ? (
                <LiftReservation text={text} member={r.member.code} onDone={onChanged} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No reservation stands.</p>
      )}
      <h3>Positions recorded</h3>
      {text.positions.length ? (
        // A list, not a table: the panel is narrow beside the wording, and each position reads as a sentence.
        <ol className="position-list">
          {text.positions.map((p, i) => (
            <li key={`${p.member.code}-${p.at}-${i}`}>
              <p>
                <strong>{p.member.name}</strong> · {POSITION_LABELS[p.kind] ?? p.kind} · version {p.version}
              </p>
              {p.statement ? <p className="position-statement">“{p.statement}”</p> : null}
              <p className="meta">
                {p.byName ? `${p.byName}, ` : ''}
                {localWhen(p.at)}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">No member has taken a position yet.</p>
      )}
      {a.takePosition ? <TakePosition text={text} onDone={onChanged} /> : null}
      {a.placeReservation ? <PlaceReservation text={text} onDone={onChanged} /> : null}
    </section>
  );
}
