// Filing a progress report on a project (secretariat).
import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { Field, FormErrors } from '../Field.tsx';
import { serverFieldErrors, summaryFields } from '../form-errors.ts';
import type { Project } from './model.ts';

const LABELS: Record<string, string> = { reportedOn: 'Reported on', summary: 'Report' };

export function ProgressReportForm({ projectId, onSaved, onCancel }: { projectId: string; onSaved: (p: Project) => void; onCancel: () => void }) {
  const [reportedOn, setReportedOn] = useState('');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fail = (fields: Record<string, string>, message: string) => {
    setErrors(fields);
    setFailure(message);
    requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus());
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!reportedOn) problems.reportedOn = 'Enter the day of the report.';
    if (!summary.trim()) problems.summary = 'Write what the report says.';
    if (Object.keys(problems).length) return fail(problems, 'The report was not filed. Correct the fields below.');
    setSaving(true);
    try {
      onSaved(await api.post<Project>(`/projects/${projectId}/progress-reports`, { reportedOn, summary: summary.trim() }));
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e));
      fail(serverFieldErrors(err, LABELS), err.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form wp-inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label="File a progress report">
      <div ref={summaryRef}>
        <FormErrors message={failure} fields={summaryFields(errors, LABELS)} />
      </div>
      <Field label="Reported on" error={errors.reportedOn}>
        <input type="date" value={reportedOn} onChange={(e) => setReportedOn(e.target.value)} />
      </Field>
      <Field label="Report" error={errors.summary}>
        <textarea value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={20000} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          File the report
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
