// Creating and changing a topic (secretariat): its code (on creation only: bodies, meetings, projects
// and events refer to it), name, description, source and position in the list. The server checks every
// field; its refusals are shown beside the fields and in the summary.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { Loading, PageFailure } from '../../components/Status.tsx';
import type { Topic } from '../../components/bodies/model.ts';
import { codeProblem } from '../../components/forms/codes.ts';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { useFormFailure } from '../../components/forms/use-form-failure.ts';
import { mayCreate, mayUpdate, type Listed } from '../../components/members/model.ts';
import { useApi } from '../../use-api.ts';

const LABELS: Record<string, string> = { code: 'Code', name: 'Name', description: 'Description', source: 'Source', position: 'Position' };

const EMPTY = { code: '', name: '', description: '', source: '', position: '' };
type TopicDraft = typeof EMPTY;
const fromTopic = (t: Topic): TopicDraft => ({ code: t.code, name: t.name, description: t.description, source: t.source ?? '', position: String(t.position) });

export function TopicFormPage() {
  const { code } = useParams();
  // A fresh form per topic (and for a new one), so nothing typed for one is carried to another.
  return <TopicForm key={code ?? ''} code={code} />;
}

function TopicForm({ code }: { code: string | undefined }) {
  const editing = code !== undefined;
  const navigate = useNavigate();
  const existing = useApi<Topic>(editing ? `/topics/${code}` : null);
  // The list says whether this reader may add a topic (and, for a new one, which position comes next).
  const topics = useApi<Listed<Topic>>('/topics');
  const [form, setForm] = useState<TopicDraft | null>(editing ? null : EMPTY);
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();
  const { errors } = failure;
  useEffect(() => {
    if (existing.data && form === null) setForm(fromTopic(existing.data));
  }, [existing.data, form]);

  const title = editing ? `Change the topic${existing.data ? `: ${existing.data.name}` : ''}` : 'New topic';
  if (editing && existing.error) return <PageFailure title={title} error={existing.error} retry={existing.error.status === 404 ? undefined : existing.reload} back={{ to: '/topics', label: 'All topics' }} />;
  if (topics.error) return <PageFailure title={title} error={topics.error} retry={topics.reload} back={{ to: '/topics', label: 'All topics' }} />;
  if (!topics.data || !form || (editing && !existing.data)) return <Loading what={editing ? 'the topic' : 'the form'} />;
  const back = editing ? `/topics/${code}` : '/topics';
  const eyebrow = (
    <p className="eyebrow">
      <Link to="/topics">Topics</Link>
      {editing && existing.data ? <> · <Link to={back}>{existing.data.name}</Link></> : null}
    </p>
  );
  if (editing ? !mayUpdate(existing.data) : !mayCreate(topics.data))
    return (
      <>
        {eyebrow}
        <PageTitle title={title}>{title}</PageTitle>
        <p className="alert" role="alert">
          Only the secretariat creates and changes topics. <Link to={back}>{editing ? 'Back to the topic' : 'All topics'}</Link>
        </p>
      </>
    );

  const draft = form;
  const set = (key: keyof TopicDraft, value: string) => setForm((f) => (f ? { ...f, [key]: value } : f));
  const list = topics.data.items;
  const nextPosition = Math.max(0, ...list.map((t) => t.position)) + 1;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const codeIssue = editing ? null : codeProblem(draft.code.trim(), list.map((t) => t.code), 'crisis-management');
    if (codeIssue) problems.code = codeIssue;
    if (!draft.name.trim()) problems.name = 'Enter the topic’s name.';
    if (draft.position.trim() && !/^\d+$/.test(draft.position.trim())) problems.position = 'Enter a whole number, 0 or more.';
    if (Object.keys(problems).length) return failure.fail(problems, 'The topic was not saved. Correct the fields below.');
    const payload: Record<string, unknown> = {
      name: draft.name.trim(),
      description: draft.description,
      source: draft.source.trim() || null,
      position: draft.position.trim() ? Number(draft.position.trim()) : editing ? Number(existing.data?.position ?? 0) : nextPosition,
    };
    setSaving(true);
    try {
      const saved = editing ? await api.patch<Topic>(`/topics/${code}`, payload) : await api.post<Topic>('/topics', { code: draft.code.trim(), ...payload });
      navigate(`/topics/${saved.code}`, { state: { notice: editing ? `${saved.name} is saved.` : `${saved.name} is created.` } });
    } catch (e) {
      failure.refuse(e, LABELS);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      {eyebrow}
      <PageTitle title={title}>{title}</PageTitle>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <FailureSummary of={failure} labels={LABELS} />
        {editing ? null : (
          <Field label="Code" hint="Lower-case letters, digits and single hyphens, e.g. “crisis-management”. It cannot be changed later." error={errors.code}>
            <input value={draft.code} onChange={(e) => set('code', e.target.value)} maxLength={60} autoComplete="off" spellCheck={false} />
          </Field>
        )}
        <Field label="Name" error={errors.name}>
          <input value={draft.name} onChange={(e) => set('name', e.target.value)} maxLength={200} autoComplete="off" />
        </Field>
        <div className="field-row">
          <Field label="Source" hint="Optional: where the topic comes from, e.g. “Rome Declaration of 28 May 2002”." error={errors.source}>
            <input value={draft.source} onChange={(e) => set('source', e.target.value)} maxLength={500} autoComplete="off" />
          </Field>
          <Field label="Position" hint={editing ? 'Its place in the list of topics.' : `Its place in the list of topics; empty: last (${nextPosition}).`} error={errors.position}>
            <input value={draft.position} onChange={(e) => set('position', e.target.value)} inputMode="numeric" autoComplete="off" />
          </Field>
        </div>
        <Field label="Description" error={errors.description}>
          <textarea value={draft.description} onChange={(e) => set('description', e.target.value)} maxLength={5000} />
        </Field>
        <FormActions submit={editing ? 'Save the topic' : 'Create the topic'} busy={saving} busyLabel="Saving…" cancelTo={back} />
      </form>
    </>
  );
}
