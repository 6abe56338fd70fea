// Creating and changing a project (secretariat): body, format, title, description, status, period,
// public, topics and lead members. Milestones and deliverables are added on the project's page.
import type { FormEvent } from 'react';
import { useParams } from 'react-router';
import { Field, RefOptions, ValueOptions } from '../../components/Field.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { CheckboxGroup } from '../../components/calendar/CheckboxGroup.tsx';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { useItemForm } from '../../components/forms/use-item-form.tsx';
import type { Ref } from '../../components/calendar/model.ts';
import { PROJECT_STATUSES, wpLabel, type Project } from '../../components/work-programme/model.ts';
import { useSession } from '../../session.tsx';
import { PublicReach } from '../../components/forms/PublicReach.tsx';
import { useApi } from '../../use-api.ts';

const LABELS: Record<string, string> = {
  body: 'Body',
  format: 'Format',
  title: 'Title',
  status: 'Status',
  startsOn: 'Starts on',
  endsOn: 'Ends on',
  public: 'Public',
  topics: 'Topics',
  leadMembers: 'Lead members',
  description: 'Description',
};

const EMPTY = {
  body: '',
  format: '',
  title: '',
  description: '',
  status: 'active',
  startsOn: '',
  endsOn: '',
  public: false,
  topics: [] as string[],
  leadMembers: [] as string[],
};

const fromProject = (p: Project): typeof EMPTY => ({
  body: p.body?.code ?? '',
  format: p.format.code,
  title: p.title,
  description: p.description,
  status: p.status,
  startsOn: p.startsOn ?? '',
  endsOn: p.endsOn ?? '',
  public: p.public,
  topics: p.topics.map((t) => t.code),
  leadMembers: p.leadMembers.map((m) => m.code),
});

export function ProjectFormPage() {
  const { id } = useParams();
  const { abilities } = useSession();
  const item = useItemForm<Project, typeof EMPTY>({
    collection: 'projects',
    noun: 'project',
    id,
    empty: EMPTY,
    toForm: fromProject,
    keyOf: (p) => p.id,
    nameOf: (p) => p.title,
    mayCreate: abilities.createProjects,
    refusal: 'Only the secretariat creates and changes projects.',
    list: { to: '/work-programme', label: 'The work programme' },
  });
  const bodies = useApi<{ items: (Ref & { format: string })[] }>('/bodies');
  const formats = useApi<{ items: (Ref & { members: string[] })[] }>('/formats');
  const members = useApi<{ items: Ref[] }>('/members');
  const topics = useApi<{ items: Ref[] }>('/topics');
  const { editing, title, form, set, saving, failure } = item;
  const { errors } = failure;
  if (item.blocked) return item.blocked;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.body) problems.body = 'Choose the body that runs the project.';
    if (!form.title.trim()) problems.title = 'Enter a title for the project.';
    if (form.startsOn && form.endsOn && form.endsOn < form.startsOn)
      problems.endsOn = 'The end must be on or after the start.';
    if (Object.keys(problems).length)
      return failure.fail(problems, 'The project was not saved. Correct the fields below.');
    const payload: Record<string, unknown> = {
      body: form.body,
      title: form.title.trim(),
      description: form.description,
      status: form.status,
      startsOn: form.startsOn || null,
      endsOn: form.endsOn || null,
      public: form.public,
      topics: form.topics,
      leadMembers: form.leadMembers,
    };
    if (form.format) payload.format = form.format;
    await item.save(payload, LABELS, () =>
      editing ? 'The project is saved.' : 'The project is created. Add its milestones and deliverables below.',
    );
  }

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <FailureSummary of={failure} labels={LABELS} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Title" error={errors.title}>
          <input value={form.title} onChange={(e) => set('title', e.target.value)} maxLength={300} />
        </Field>
        <div className="field-row">
          <Field label="Body" error={errors.body}>
            <select value={form.body} onChange={(e) => set('body', e.target.value)}>
              <option value="">Choose a body</option>
              <RefOptions list={bodies.data?.items} />
            </select>
          </Field>
          <Field label="Format" error={errors.format} hint="Who may see it. Empty: the body's format.">
            <select value={form.format} onChange={(e) => set('format', e.target.value)}>
              <option value="">The body's format</option>
              <RefOptions list={formats.data?.items} />
            </select>
          </Field>
        </div>
        <div className="field-row">
          <Field label="Status" error={errors.status}>
            <select value={form.status} onChange={(e) => set('status', e.target.value)}>
              <ValueOptions values={PROJECT_STATUSES} label={wpLabel} />
            </select>
          </Field>
          <Field label="Starts on" error={errors.startsOn}>
            <input type="date" value={form.startsOn} onChange={(e) => set('startsOn', e.target.value)} />
          </Field>
          <Field label="Ends on" error={errors.endsOn}>
            <input type="date" value={form.endsOn} onChange={(e) => set('endsOn', e.target.value)} />
          </Field>
        </div>
        <div className="field check">
          <label>
            <input type="checkbox" checked={form.public} onChange={(e) => set('public', e.target.checked)} /> Public: on
            the public record of the work programme
          </label>
          <PublicReach
            checked={form.public}
            format={formats.data?.items.find(
              (f) => f.code === (form.format || bodies.data?.items.find((b) => b.code === form.body)?.format),
            )}
            members={members.data?.items}
            what="the project"
          />
        </div>
        <CheckboxGroup
          legend="Topics"
          error={errors.topics}
          options={(topics.data?.items ?? []).map((t) => ({ value: t.code, label: t.name }))}
          selected={form.topics}
          onChange={(v) => set('topics', v)}
          columns
        />
        <CheckboxGroup
          legend="Lead members"
          error={errors.leadMembers}
          options={(members.data?.items ?? []).map((m) => ({ value: m.code, label: m.name }))}
          selected={form.leadMembers}
          onChange={(v) => set('leadMembers', v)}
          columns
        />
        <Field label="Description" error={errors.description}>
          <textarea value={form.description} onChange={(e) => set('description', e.target.value)} maxLength={10000} />
        </Field>
        <FormActions
          submit={editing ? 'Save the project' : 'Create the project'}
          busy={saving}
          cancelTo={editing ? `/projects/${id}` : '/work-programme'}
        />
      </form>
    </>
  );
}
