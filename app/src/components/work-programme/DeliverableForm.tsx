// Adding or changing a milestone or deliverable (secretariat): due date, status, result and, once it is
// delivered or agreed, the day it was achieved (the server's rule, checked here first too).
import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { Field, ValueOptions } from '../Field.tsx';
import { FailureSummary } from '../forms/FailureSummary.tsx';
import { FormActions } from '../forms/FormActions.tsx';
import { useFormFailure } from '../forms/use-form-failure.ts';
import { ACHIEVED, DELIVERABLE_KINDS, DELIVERABLE_STATUSES, wpLabel, type Deliverable, type Project } from './model.ts';

const LABELS: Record<string, string> = {
  kind: 'Kind',
  title: 'Title',
  dueOn: 'Due on',
  status: 'Status',
  achievedOn: 'Achieved on',
  result: 'Result',
};

export function DeliverableForm({
  projectId,
  deliverable,
  onSaved,
  onCancel,
}: {
  projectId: string;
  deliverable: Deliverable | null;
  onSaved: (p: Project) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState({
    kind: deliverable?.kind ?? 'deliverable',
    title: deliverable?.title ?? '',
    dueOn: deliverable?.dueOn ?? '',
    status: deliverable?.status ?? 'planned',
    result: deliverable?.result ?? '',
    achievedOn: deliverable?.achievedOn ?? '',
  });
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();
  const { errors, fail } = failure;
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.title.trim()) problems.title = 'Enter a title.';
    const achieved = ACHIEVED.includes(form.status);
    if (achieved && !form.achievedOn)
      problems.achievedOn = `Enter the day it was ${wpLabel(form.status).toLowerCase()}.`;
    if (!achieved && form.achievedOn)
      problems.achievedOn = 'Only a delivered or agreed item has an achievement date: clear it, or change the status.';
    if (Object.keys(problems).length) return fail(problems, 'Not saved. Correct the fields below.');
    const payload = {
      kind: form.kind,
      title: form.title.trim(),
      dueOn: form.dueOn || null,
      status: form.status,
      result: form.result,
      achievedOn: form.achievedOn || null,
    };
    setSaving(true);
    try {
      const project = deliverable
        ? await api.patch<Project>(`/projects/${projectId}/deliverables/${deliverable.id}`, payload)
        : await api.post<Project>(`/projects/${projectId}/deliverables`, payload);
      onSaved(project);
    } catch (e) {
      failure.refuse(e, LABELS);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="form wp-inline-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={deliverable ? `Change ${deliverable.title}` : 'Add a milestone or deliverable'}
    >
      <FailureSummary of={failure} labels={LABELS} />
      <div className="field-row">
        <Field label="Kind" error={errors.kind}>
          <select value={form.kind} onChange={(e) => set('kind', e.target.value)}>
            <ValueOptions values={DELIVERABLE_KINDS} label={wpLabel} />
          </select>
        </Field>
        <Field label="Status" error={errors.status}>
          <select value={form.status} onChange={(e) => set('status', e.target.value)}>
            <ValueOptions values={DELIVERABLE_STATUSES} label={wpLabel} />
          </select>
        </Field>
      </div>
      <Field label="Title" error={errors.title}>
        <input value={form.title} onChange={(e) => set('title', e.target.value)} maxLength={300} />
      </Field>
      <div className="field-row">
        <Field label="Due on" error={errors.dueOn}>
          <input type="date" value={form.dueOn} onChange={(e) => set('dueOn', e.target.value)} />
        </Field>
        <Field label="Achieved on" error={errors.achievedOn} hint="Only when delivered or agreed.">
          <input type="date" value={form.achievedOn} onChange={(e) => set('achievedOn', e.target.value)} />
        </Field>
      </div>
      <Field label="Result" error={errors.result}>
        <textarea value={form.result} onChange={(e) => set('result', e.target.value)} maxLength={10000} />
      </Field>
      <FormActions submit={deliverable ? 'Save' : 'Add'} busy={saving} onCancel={onCancel} />
    </form>
  );
}
