// Creating and changing a topic (secretariat): its code (on creation only: bodies, meetings, projects
// and events refer to it), name, description, source and position in the list. The server checks every
// field; its refusals are shown beside the fields and in the summary.
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Field } from '../../components/Field.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { Loading, PageFailure } from '../../components/Status.tsx';
import type { Topic } from '../../components/bodies/model.ts';
import { codeProblem } from '../../components/forms/codes.ts';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { useItemForm } from '../../components/forms/use-item-form.tsx';
import { mayCreate, type Listed } from '../../components/members/model.ts';
import { useApi } from '../../use-api.ts';

const LABELS: Record<string, string> = {
  code: 'Code',
  name: 'Name',
  description: 'Description',
  source: 'Source',
  position: 'Position',
};

const EMPTY = { code: '', name: '', description: '', source: '', position: '' };
type TopicDraft = typeof EMPTY;
const fromTopic = (t: Topic): TopicDraft => ({
  code: t.code,
  name: t.name,
  description: t.description,
  source: t.source ?? '',
  position: String(t.position),
});

export function TopicFormPage() {
  const { code } = useParams();
  // A fresh form per topic (and for a new one), so nothing typed for one is carried to another.
  return <TopicForm key={code ?? ''} code={code} />;
}

function TopicForm({ code }: { code: string | undefined }) {
  // The list says whether this reader may add a topic (and, for a new one, which position comes next).
  const topics = useApi<Listed<Topic>>('/topics');
  const item = useItemForm<Topic, TopicDraft>({
    collection: 'topics',
    noun: 'topic',
    id: code,
    empty: EMPTY,
    toForm: fromTopic,
    keyOf: (t) => t.code,
    nameOf: (t) => t.name,
    mayCreate: topics.data ? mayCreate(topics.data) : undefined,
    refusal: 'Only the secretariat creates and changes topics.',
    list: { to: '/topics', label: 'All topics' },
  });
  const { editing, title, form: draft, set, saving, failure } = item;
  const { errors } = failure;
  const back = editing ? `/topics/${code}` : '/topics';
  const eyebrow = (
    <p className="eyebrow">
      <Link to="/topics">Topics</Link>
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
  if (topics.error)
    return (
      <PageFailure
        title={title}
        error={topics.error}
        retry={topics.reload}
        back={{ to: '/topics', label: 'All topics' }}
      />
    );
  if (!topics.data) return <Loading what="the form" />;

  const list = topics.data.items;
  const nextPosition = Math.max(0, ...list.map((t) => t.position)) + 1;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const codeIssue = editing
      ? null
      : codeProblem(
          draft.code.trim(),
          list.map((t) => t.code),
          'crisis-management',
        );
    if (codeIssue) problems.code = codeIssue;
    if (!draft.name.trim()) problems.name = 'Enter the topic’s name.';
    if (draft.position.trim() && !/^\d+$/.test(draft.position.trim()))
      problems.position = 'Enter a whole number, 0 or more.';
    if (Object.keys(problems).length)
      return failure.fail(problems, 'The topic was not saved. Correct the fields below.');
    const payload: Record<string, unknown> = {
      name: draft.name.trim(),
      description: draft.description,
      source: draft.source.trim() || null,
      position: draft.position.trim()
        ? Number(draft.position.trim())
        : editing
          ? Number(item.existing?.position ?? 0)
          : nextPosition,
    };
    await item.save(
      editing ? payload : { code: draft.code.trim(), ...payload },
      LABELS,
      (saved) => `${saved.name} is ${editing ? 'saved' : 'created'}.`,
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
            hint="Lower-case letters, digits and single hyphens, e.g. “crisis-management”. It cannot be changed later."
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
          <Field
            label="Source"
            hint="Optional: where the topic comes from, e.g. “Rome Declaration of 28 May 2002”."
            error={errors.source}
          >
            <input
              value={draft.source}
              onChange={(e) => set('source', e.target.value)}
              maxLength={500}
              autoComplete="off"
            />
          </Field>
          <Field
            label="Position"
            hint={
              editing
                ? 'Its place in the list of topics.'
                : `Its place in the list of topics; empty: last (${nextPosition}).`
            }
            error={errors.position}
          >
            <input
              value={draft.position}
              onChange={(e) => set('position', e.target.value)}
              inputMode="numeric"
              autoComplete="off"
            />
          </Field>
        </div>
        <Field label="Description" error={errors.description}>
          <textarea value={draft.description} onChange={(e) => set('description', e.target.value)} maxLength={5000} />
        </Field>
        <FormActions
          submit={editing ? 'Save the topic' : 'Create the topic'}
          busy={saving}
          busyLabel="Saving…"
          cancelTo={back}
        />
      </form>
    </>
  );
}
