// Creating and changing a body (secretariat): its code (on creation only: meetings, projects and events
// refer to it), name, kind, parent, format, chair, description, whether it is public, and its topics.
// The server checks every field; its refusals are shown beside the fields and in the summary.
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Field, RefOptions, ValueOptions } from '../../components/Field.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { PageFailure, Loading } from '../../components/Status.tsx';
import { BODY_KINDS, kindLabel, selfAndBelow, type Body, type Topic } from '../../components/bodies/model.ts';
import { codeProblem } from '../../components/forms/codes.ts';
import { CheckboxGroup } from '../../components/calendar/CheckboxGroup.tsx';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { dottedPaths } from '../../components/forms/use-form-failure.ts';
import { useItemForm } from '../../components/forms/use-item-form.tsx';
import { mayCreate, type Format, type Listed, type Person } from '../../components/members/model.ts';
import { PublicReach } from '../../components/forms/PublicReach.tsx';
import { wideningConfirmation } from '../../components/forms/public-reach.ts';
import { useApi } from '../../use-api.ts';

const LABELS: Record<string, string> = {
  code: 'Code',
  name: 'Name',
  kind: 'Kind',
  parent: 'Part of',
  format: 'Format',
  chair: 'Chair',
  public: 'Public',
  topics: 'Topics',
  description: 'Description',
};

const EMPTY = {
  code: '',
  name: '',
  kind: 'working_group' as string,
  parent: '',
  format: '',
  chair: '',
  description: '',
  public: false,
  topics: [] as string[],
};
type BodyDraft = typeof EMPTY;
const fromBody = (b: Body): BodyDraft => ({
  code: b.code,
  name: b.name,
  kind: b.kind,
  parent: b.parent ?? '',
  format: b.format,
  chair: b.chair?.id ?? '',
  description: b.description,
  public: b.public,
  topics: [...b.topics],
});

export function BodyFormPage() {
  const { code } = useParams();
  // A fresh form per body (and for a new one), so nothing typed for one is carried to another.
  return <BodyForm key={code ?? ''} code={code} />;
}

function BodyForm({ code }: { code: string | undefined }) {
  const bodies = useApi<Listed<Body>>('/bodies');
  const formats = useApi<Listed<Format>>('/formats');
  const persons = useApi<Listed<Person>>('/persons');
  const members = useApi<Listed<{ code: string; name: string }>>('/members');
  const topics = useApi<Listed<Topic>>('/topics');
  const item = useItemForm<Body, BodyDraft>({
    collection: 'bodies',
    noun: 'body',
    id: code,
    empty: EMPTY,
    toForm: fromBody,
    keyOf: (b) => b.code,
    nameOf: (b) => b.name,
    mayCreate: bodies.data ? mayCreate(bodies.data) : undefined,
    refusal: 'Only the secretariat creates and changes bodies.',
    list: { to: '/bodies', label: 'All bodies' },
  });
  const { editing, title, form: draft, set, saving, failure } = item;
  // A wider format is confirmed before it is saved, like a change of a format's members: the format
  // the confirmation on screen is for (null: none on screen).
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const widening = item.existing
    ? wideningConfirmation(
        formats.data?.items.find((f) => f.code === item.existing!.format),
        formats.data?.items.find((f) => f.code === draft.format),
        members.data?.items ?? [],
      )
    : null;
  const { errors } = failure;
  const back = editing ? `/bodies/${code}` : '/bodies';
  const eyebrow = (
    <p className="eyebrow">
      <Link to="/bodies">Bodies</Link>
      {item.existing ? (
        <>
          {' '}
          · <Link to={back}>{item.existing.name}</Link>
        </>
      ) : null}
    </p>
  );
  if (item.blocked)
    return (
      <>
        {eyebrow}
        {item.blocked}
      </>
    );
  // The list of bodies gives the parents to choose from and the codes already used.
  if (bodies.error)
    return (
      <PageFailure
        title={title}
        error={bodies.error}
        retry={bodies.reload}
        back={{ to: '/bodies', label: 'All bodies' }}
      />
    );
  if (!bodies.data) return <Loading what="the form" />;

  // A body cannot be put under itself or under a body below it.
  const excluded = code !== undefined ? selfAndBelow(bodies.data.items, code) : new Set<string>();
  const allBodies = bodies.data.items;
  const parents = allBodies.filter((b) => !excluded.has(b.code));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const codeIssue = editing
      ? null
      : codeProblem(
          draft.code.trim(),
          allBodies.map((b) => b.code),
          'wg-peacekeeping',
        );
    if (codeIssue) problems.code = codeIssue;
    if (!draft.name.trim()) problems.name = 'Enter the body’s name.';
    if (!draft.format) problems.format = 'Choose the format whose members sit in the body.';
    if (Object.keys(problems).length)
      return failure.fail(problems, 'The body was not saved. Correct the fields below.');
    if (widening && confirming !== draft.format) return setConfirming(draft.format);
    const payload: Record<string, unknown> = {
      name: draft.name.trim(),
      kind: draft.kind,
      parent: draft.parent || null,
      format: draft.format,
      chair: draft.chair || null,
      description: draft.description,
      public: draft.public,
      topics: draft.topics,
    };
    await item.save(
      editing ? payload : { code: draft.code.trim(), ...payload },
      LABELS,
      (saved) => `${saved.name} is ${editing ? 'saved' : 'created'}.`,
      dottedPaths,
    );
  }

  return (
    <>
      {eyebrow}
      <PageTitle title={title}>{title}</PageTitle>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <FailureSummary of={failure} labels={LABELS} />
        {editing ? null : (
          <Field
            label="Code"
            hint="Lower-case letters, digits and single hyphens, e.g. “wg-peacekeeping”. It cannot be changed later."
            error={errors.code}
          >
            <input
              value={draft.code}
              onChange={(e) => set('code', e.target.value)}
              maxLength={60}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
        )}
        <Field label="Name" error={errors.name}>
          <input value={draft.name} onChange={(e) => set('name', e.target.value)} maxLength={200} autoComplete="off" />
        </Field>
        <div className="field-row">
          <Field label="Kind" error={errors.kind}>
            <select value={draft.kind} onChange={(e) => set('kind', e.target.value)}>
              <ValueOptions values={BODY_KINDS} label={kindLabel} />
            </select>
          </Field>
          <Field label="Part of" hint="The body it reports to; none for a council." error={errors.parent}>
            <select value={draft.parent} onChange={(e) => set('parent', e.target.value)}>
              <option value="">None: at the top</option>
              <RefOptions list={parents} />
            </select>
          </Field>
        </div>
        <div className="field-row">
          <Field
            label="Format"
            hint="Its members sit in the body; if the body is not public, only they see it."
            error={errors.format}
          >
            <select value={draft.format} onChange={(e) => set('format', e.target.value)}>
              <option value="">Choose a format</option>
              <RefOptions list={formats.data?.items} />
            </select>
          </Field>
          <Field label="Chair" error={errors.chair}>
            <select value={draft.chair} onChange={(e) => set('chair', e.target.value)}>
              <option value="">No chair recorded</option>
              {(persons.data?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="field check">
          <label>
            <input type="checkbox" checked={draft.public} onChange={(e) => set('public', e.target.checked)} /> Public:
            on the public record and seen by everyone
          </label>
          <PublicReach
            checked={draft.public}
            format={formats.data?.items.find((f) => f.code === draft.format)}
            members={members.data?.items}
            what="the body"
          />
        </div>
        <CheckboxGroup
          legend="Topics"
          error={errors.topics}
          options={(topics.data?.items ?? []).map((t) => ({ value: t.code, label: t.name }))}
          selected={draft.topics}
          onChange={(v) => set('topics', v)}
          columns
        />
        <Field label="Description" error={errors.description}>
          <textarea value={draft.description} onChange={(e) => set('description', e.target.value)} maxLength={5000} />
        </Field>
        {widening && confirming === draft.format ? (
          <section className="confirm" aria-labelledby="confirm-format-h">
            <h2 id="confirm-format-h" tabIndex={-1} ref={confirmRef}>
              Confirm the wider format
            </h2>
            <p>{widening}</p>
          </section>
        ) : null}
        <FormActions
          submit={
            widening && confirming === draft.format
              ? 'Confirm and save the body'
              : editing
                ? 'Save the body'
                : 'Create the body'
          }
          busy={saving}
          busyLabel="Saving…"
          cancelTo={back}
        />
      </form>
    </>
  );
}
