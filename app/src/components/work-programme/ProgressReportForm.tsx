// Filing a progress report on a project (secretariat).
import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { Field } from '../Field.tsx';
import { FailureSummary } from '../forms/FailureSummary.tsx';
import { FormActions } from '../forms/FormActions.tsx';
import { useFormFailure } from '../forms/use-form-failure.ts';
import type { Project } from './model.ts';

const LABELS: Record<string, string> = { reportedOn: 'Reported on', summary: 'Report' };

export function ProgressReportForm({
  projectId,
  onSaved,
  onCancel,
}: {
  projectId: string;
  onSaved: (p: Project) => void;
  onCancel: () => void;
}) {
  const [reportedOn, setReportedOn] = useState('');
  const [summary, setSummary] = useState('');
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();
  const { errors, fail } = failure;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!reportedOn) problems.reportedOn = 'Enter the day of the report.';
    if (!summary.trim()) problems.summary = 'Write what the report says.';
    if (Object.keys(problems).length) return fail(problems, 'The report was not filed. Correct the fields below.');
    setSaving(true);
    try {
      onSaved(
        await api.post<Project>(`/projects/${projectId}/progress-reports`, { reportedOn, summary: summary.trim() }),
      );
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
      aria-label="File a progress report"
    >
      <FailureSummary of={failure} labels={LABELS} />
      <Field label="Reported on" error={errors.reportedOn}>
        <input type="date" value={reportedOn} onChange={(e) => setReportedOn(e.target.value)} />
      </Field>
      <Field label="Report" error={errors.summary}>
        <textarea value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={20000} />
      </Field>
      <FormActions submit="File the report" busy={saving} onCancel={onCancel} />
    </form>
  );
}
