// The procedure panel of a text: the silence procedure in force (version, deadline in its zone and
// how far away it is), and the acts the API says this reader may perform now (abilities): open
// silence and extend the deadline (the chair), break silence (a head of delegation, with a statement
// and a confirmation), record a version agreed at a meeting (the chair). Then the procedure history.
import { useState } from 'react';
import { api } from '../../api.ts';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { Field } from '../Field.tsx';
import { meetingWhen } from '../meetings/when.ts';
import type { MeetingList } from '../meetings/types.ts';
import { ActionForm } from './ActionForm.tsx';
import { deadlineWhen, localWhen, relative, timeZones, userZone } from './format.ts';
import type { Procedure, TextDetail } from './types.ts';

function DeadlineFields({
  fields,
  deadline,
  setDeadline,
  zone,
  setZone,
}: {
  fields: Record<string, string>;
  deadline: string;
  setDeadline: (v: string) => void;
  zone: string;
  setZone: (v: string) => void;
}) {
  return (
    <div className="field-row">
      <Field label="Deadline (local date and time)" error={fields.deadline}>
        <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </Field>
      <Field label="Time zone of the deadline" error={fields.timeZone}>
        <select value={zone} onChange={(e) => setZone(e.target.value)}>
          {timeZones().map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

/** The choice of one of the text's versions (put under silence, or agreed at a meeting). */
function VersionField({
  label,
  text,
  error,
  version,
  setVersion,
}: {
  label: string;
  text: TextDetail;
  error: string | undefined;
  version: number;
  setVersion: (v: number) => void;
}) {
  return (
    <Field label={label} error={error}>
      <select value={version} onChange={(e) => setVersion(Number(e.target.value))}>
        {text.versions.map((v) => (
          <option key={v.number} value={v.number}>
            Version {v.number}
          </option>
        ))}
      </select>
    </Field>
  );
}

const needDeadline = (deadline: string) => (deadline ? {} : { deadline: 'Enter the date and time of the deadline.' });

function OpenSilence({ text, onDone }: { text: TextDetail; onDone: () => void }) {
  const [version, setVersion] = useState(text.currentVersion);
  const [deadline, setDeadline] = useState('');
  const [zone, setZone] = useState(userZone());
  return (
    <ActionForm
      label="Open silence procedure"
      submitLabel="Put under silence"
      validate={() => needDeadline(deadline)}
      send={() => api.post(`/texts/${text.id}/silence`, { version, deadline, timeZone: zone })}
      onDone={onDone}
    >
      {({ fields }) => (
        <>
          <h3>Open the silence procedure</h3>
          <VersionField
            label="Version put under silence"
            text={text}
            error={fields.version}
            version={version}
            setVersion={setVersion}
          />
          <DeadlineFields fields={fields} deadline={deadline} setDeadline={setDeadline} zone={zone} setZone={setZone} />
        </>
      )}
    </ActionForm>
  );
}

function ExtendDeadline({ text, procedure, onDone }: { text: TextDetail; procedure: Procedure; onDone: () => void }) {
  const [deadline, setDeadline] = useState('');
  const [zone, setZone] = useState(procedure.timeZone);
  return (
    <ActionForm
      label="Extend the deadline"
      submitLabel="Extend the deadline"
      validate={() => needDeadline(deadline)}
      send={() => api.post(`/texts/${text.id}/silence/extend`, { deadline, timeZone: zone })}
      onDone={onDone}
    >
      {({ fields }) => (
        <>
          <h3>Extend the deadline</h3>
          <DeadlineFields fields={fields} deadline={deadline} setDeadline={setDeadline} zone={zone} setZone={setZone} />
        </>
      )}
    </ActionForm>
  );
}

function BreakSilence({ text, onDone }: { text: TextDetail; onDone: () => void }) {
  const { user } = useSession();
  const [statement, setStatement] = useState('');
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <form
        className="form act-form"
        noValidate
        aria-label="Break silence"
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <h3>Break silence</h3>
        <p>Breaking silence ends the procedure: it fails and the text returns to drafting. Say why.</p>
        <Field label={`Statement of ${user.member ?? 'your delegation'}`} error={undefined}>
          <textarea value={statement} onChange={(e) => setStatement(e.target.value)} rows={4} required />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button danger" disabled={!statement.trim()}>
            Break silence…
          </button>
        </div>
      </form>
    );
  return (
    <ActionForm
      label="Confirm breaking silence"
      submitLabel="Yes, break silence"
      danger
      send={() => api.post(`/texts/${text.id}/silence/break`, { statement })}
      onDone={onDone}
    >
      {({ fields }) => (
        <>
          <h3>Break silence on behalf of {user.member ?? 'your delegation'}?</h3>
          <p>
            The procedure on version {text.procedure?.version} will fail at once and cannot be reopened; the chair may
            open a new one later. Your statement:
          </p>
          <blockquote className="statement">{statement}</blockquote>
          {fields.statement ? <p className="field-error">{fields.statement}</p> : null}
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            No, go back
          </button>
        </>
      )}
    </ActionForm>
  );
}

function RecordAgreement({ text, onDone }: { text: TextDetail; onDone: () => void }) {
  const meetings = useApi<MeetingList>(
    `/meetings?limit=500${text.body ? `&body=${encodeURIComponent(text.body.code)}` : ''}`,
  );
  const [version, setVersion] = useState(text.currentVersion);
  const [meeting, setMeeting] = useState('');
  const items = meetings.status === 'ok' ? meetings.data.items : [];
  return (
    <ActionForm
      label="Record agreed at a meeting"
      submitLabel="Record as agreed"
      validate={() => (meeting ? {} : { meeting: 'Choose the meeting at which the text was agreed.' })}
      send={() => api.post(`/texts/${text.id}/agreement`, { version, meeting })}
      onDone={onDone}
    >
      {({ fields }) => (
        <>
          <h3>Record agreed at a meeting</h3>
          <div className="field-row">
            <VersionField
              label="Version agreed"
              text={text}
              error={fields.version}
              version={version}
              setVersion={setVersion}
            />
            <Field label="Meeting" error={fields.meeting}>
              <select value={meeting} onChange={(e) => setMeeting(e.target.value)}>
                <option value="">{meetings.status === 'loading' ? 'Loading meetings…' : 'Choose a meeting'}</option>
                {items.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title} — {meetingWhen(m.local, m.timeZone)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** "Sergei Ivanov for Russia": the person who spoke for the member when known, else the member. */
export function brokenByWho(b: NonNullable<Procedure['brokenBy']>): string {
  return b.byName ? `${b.byName} for ${b.memberName}` : b.memberName;
}

/** One procedure of the history, in words. */
export function ProcedureStory({ p }: { p: Procedure }) {
  return (
    <li>
      <p>
        <strong>Silence procedure {p.sequence}</strong> on version {p.version}: opened {localWhen(p.openedAt)}
        {p.openedByName ? ` by ${p.openedByName}` : ''}, deadline {deadlineWhen(p.deadline, p.timeZone)}.
      </p>
      {p.extensions.length ? (
        <ul>
          {p.extensions.map((e) => (
            <li key={e.at}>
              Extended {localWhen(e.at)}
              {e.byName ? ` by ${e.byName}` : ''} from {deadlineWhen(e.from, p.timeZone)} to{' '}
              {deadlineWhen(e.to, p.timeZone)}.
            </li>
          ))}
        </ul>
      ) : null}
      {p.outcome === 'failed' && p.brokenBy ? (
        <p>
          <span className="badge bad">Failed</span> Silence broken by {brokenByWho(p.brokenBy)}{' '}
          {localWhen(p.brokenBy.at)}: “{p.brokenBy.statement}”
        </p>
      ) : p.outcome === 'failed' ? (
        <p>
          <span className="badge bad">Failed</span> {p.closedAt ? localWhen(p.closedAt) : ''}
        </p>
      ) : p.outcome === 'adopted' ? (
        <p>
          <span className="badge ok">Adopted</span> at the deadline,{' '}
          {p.closedAt ? deadlineWhen(p.deadline, p.timeZone) : ''}.
        </p>
      ) : (
        <p>
          <span className="badge warn">Open</span> Nobody has broken silence.
        </p>
      )}
    </li>
  );
}

export function ProcedurePanel({ text, now, onChanged }: { text: TextDetail; now: Date; onChanged: () => void }) {
  const p = text.procedure;
  const open = p && p.outcome === null ? p : null;
  const a = text.abilities;
  return (
    <section className="card procedure" aria-labelledby="procedure-h">
      <h2 id="procedure-h">Procedure</h2>
      {open ? (
        <p className="procedure-state">
          <span className="badge warn">Under silence</span> Version {open.version} is under silence until{' '}
          <strong>{deadlineWhen(open.deadline, open.timeZone)}</strong> ({relative(open.deadline, now)}).
        </p>
      ) : text.status === 'adopted' && text.decision ? (
        <p className="procedure-state">
          <span className="badge ok">Adopted</span> Version {text.decision.version} adopted{' '}
          {text.decision.how === 'silence' ? 'by silence procedure' : 'at a meeting'} as{' '}
          <strong>{text.decision.reference}</strong>, {localWhen(text.decision.adoptedAt)}.
        </p>
      ) : p?.outcome === 'failed' ? (
        <p className="procedure-state">
          <span className="badge bad">Procedure failed</span>{' '}
          {p.brokenBy ? `Silence was broken by ${brokenByWho(p.brokenBy)} ${localWhen(p.brokenBy.at)}.` : ''} The text
          is back in drafting.
        </p>
      ) : (
        <p className="procedure-state">
          <span className="badge">Drafting</span> No procedure is open.
        </p>
      )}
      {a.openSilence ? <OpenSilence text={text} onDone={onChanged} /> : null}
      {a.extendDeadline && open ? <ExtendDeadline text={text} procedure={open} onDone={onChanged} /> : null}
      {a.breakSilence ? <BreakSilence text={text} onDone={onChanged} /> : null}
      {a.recordAgreement ? <RecordAgreement text={text} onDone={onChanged} /> : null}
      <h3>History</h3>
      {text.history.length || open ? (
        <ol className="procedure-history">
          {text.history.map((h) => (
            <ProcedureStory key={h.sequence} p={h} />
          ))}
          {open ? <ProcedureStory key={open.sequence} p={open} /> : null}
          {text.decision?.how === 'meeting' ? (
            <li>
              <p>
                <span className="badge ok">Adopted</span> Version {text.decision.version} agreed at a meeting,{' '}
                {localWhen(text.decision.adoptedAt)}, as {text.decision.reference}.
              </p>
            </li>
          ) : null}
        </ol>
      ) : text.decision?.how === 'meeting' ? (
        <p>
          Version {text.decision.version} agreed at a meeting, {localWhen(text.decision.adoptedAt)}, as{' '}
          {text.decision.reference}.
        </p>
      ) : (
        <p className="empty">No procedure yet.</p>
      )}
    </section>
  );
}
