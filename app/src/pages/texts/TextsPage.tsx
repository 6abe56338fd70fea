// The texts the signed-in user may see (the server filters with `can`), grouped by status: under
// silence (with the deadline in its own zone and how far away it is), drafting, adopted. Filters by
// kind, body and format are the server's (query parameters). The secretariat and the chair may start
// a new draft. The list reloads when a live event about a text arrives.
import { useEffect, useState } from 'react';
import { Form, Link, useSearchParams } from 'react-router';
import { RefOptions, ValueOptions } from '../../components/Field.tsx';
import { FilterSelect, FilterSubmit } from '../../components/forms/Filters.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading } from '../../components/Status.tsx';
import { NewTextForm } from '../../components/texts/NewTextForm.tsx';
import {
  deadlineWhen,
  KIND_LABELS,
  languageName,
  relative,
  STATUS_BADGE,
  STATUS_LABELS,
} from '../../components/texts/format.ts';
import type { Ref, TextKind, TextStatus, TextSummary } from '../../components/texts/types.ts';
import { isTextEvent, useLive } from '../../live.ts';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';

const GROUPS: { status: TextStatus; title: string; empty: string }[] = [
  { status: 'under_silence', title: 'Under silence', empty: 'No text is under silence.' },
  { status: 'drafting', title: 'Drafting', empty: 'No text is being drafted.' },
  { status: 'adopted', title: 'Adopted', empty: 'No text has been adopted yet.' },
];

/** Re-renders every minute so that "in 3 hours" stays true. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function TextTable({ id, texts, status, now }: { id: string; texts: TextSummary[]; status: TextStatus; now: Date }) {
  return (
    <DataTable
      className="texts-table"
      labelledBy={id}
      scrollLabel={`${STATUS_LABELS[status]} texts`}
      columns={[
        'Text',
        'Kind',
        'Body and format',
        status === 'under_silence' ? 'Silence ends' : status === 'adopted' ? 'Reference' : 'Version',
      ]}
    >
      {texts.map((t) => (
        <tr key={t.id}>
          <th scope="row">
            <Link to={`/texts/${t.id}`}>{t.title}</Link>
            <span className="entry-meta">
              <span className={STATUS_BADGE[t.status]}>{STATUS_LABELS[t.status]}</span> {languageName(t.language)}
            </span>
          </th>
          <td>{KIND_LABELS[t.kind]}</td>
          <td>
            {t.body ? t.body.name : 'A body not shown to you'}
            <span className="entry-meta">{t.format.name}</span>
          </td>
          <td>
            {status === 'under_silence' && t.deadline ? (
              <SilenceDeadline deadline={t.deadline} zone={t.deadlineTimeZone ?? 'UTC'} now={now} />
            ) : status === 'adopted' ? (
              <span className="reference">{t.reference ?? '—'}</span>
            ) : (
              `Version ${t.currentVersion}`
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The deadline as the chair set it: in its own zone, with how far away it is. */
function SilenceDeadline({ deadline, zone, now }: { deadline: string; zone: string; now: Date }) {
  return (
    <>
      {deadlineWhen(deadline, zone)}
      <span className="entry-meta">{relative(deadline, now)}</span>
    </>
  );
}

function Filters({
  kind,
  body,
  format,
  bodies,
  formats,
}: {
  kind: string;
  body: string;
  format: string;
  bodies: Ref[];
  formats: Ref[];
}) {
  return (
    <Form className="cal-filters" method="get" aria-label="Filter texts" key={`${kind}|${body}|${format}`}>
      <FilterSelect id="f-kind" label="Kind" all="Every kind" name="kind" defaultValue={kind}>
        <ValueOptions values={Object.keys(KIND_LABELS) as TextKind[]} label={(k) => KIND_LABELS[k]} />
      </FilterSelect>
      <FilterSelect id="f-body" label="Body" all="Every body" name="body" defaultValue={body}>
        <RefOptions list={bodies} />
      </FilterSelect>
      <FilterSelect id="f-format" label="Format" all="Every format" name="format" defaultValue={format}>
        <RefOptions list={formats} />
      </FilterSelect>
      <FilterSubmit>Show</FilterSubmit>
    </Form>
  );
}

export function TextsPage() {
  const { abilities } = useSession();
  const [params] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const body = params.get('body') ?? '';
  const format = params.get('format') ?? '';
  const query = new URLSearchParams({ limit: '200' });
  if (kind) query.set('kind', kind);
  if (body) query.set('body', body);
  if (format) query.set('format', format);
  const list = useApi<{ total: number; items: TextSummary[] }>(`/texts?${query.toString()}`);
  const bodies = useApi<{ items: Ref[] }>('/bodies');
  const formats = useApi<{ items: Ref[] }>('/formats');
  const [creating, setCreating] = useState(false);
  const now = useMinuteClock();
  useLive(() => list.reload(), isTextEvent);

  let content;
  if (list.status === 'loading') content = <Loading what="texts" />;
  else if (list.status === 'error') content = <ErrorBox error={list.error} retry={list.reload} />;
  else
    content = GROUPS.map((group) => {
      const texts = list.data.items.filter((t) => t.status === group.status);
      const id = `texts-${group.status}`;
      return (
        <section key={group.status} aria-labelledby={id}>
          <h2 id={id}>
            {group.title} <span className="count">({texts.length})</span>
          </h2>
          {texts.length ? (
            <TextTable id={id} texts={texts} status={group.status} now={now} />
          ) : (
            <Empty>{group.empty}</Empty>
          )}
        </section>
      );
    });

  return (
    <>
      <div className="toolbar">
        <PageTitle title="Texts">Texts</PageTitle>
        <div className="item-actions">
          <Link className="button secondary" to="/decisions">
            Decision register
          </Link>
          {abilities.createTexts && !creating ? (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New text
            </button>
          ) : null}
        </div>
      </div>
      {creating ? (
        <NewTextForm
          bodies={bodies.status === 'ok' ? bodies.data.items : []}
          formats={formats.status === 'ok' ? formats.data.items : []}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      <Filters
        kind={kind}
        body={body}
        format={format}
        bodies={bodies.status === 'ok' ? bodies.data.items : []}
        formats={formats.status === 'ok' ? formats.data.items : []}
      />
      {content}
    </>
  );
}
