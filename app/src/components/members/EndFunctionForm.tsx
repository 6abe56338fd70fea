// Ending a function: the person leaves the member's current delegation on that day and stays in the
// record among its former functions (nothing is deleted).
import { useState, type FormEvent } from 'react';
import { api, asApiError } from '../../api.ts';
import { Field } from '../Field.tsx';
import { longDate, todayIso } from '../calendar/dates.ts';
import { FailureSummary } from '../forms/FailureSummary.tsx';
import { FormActions } from '../forms/FormActions.tsx';
import { labelled, useFormFailure } from '../forms/use-form-failure.ts';
import { endedPayload, formField, fullName, type Holder } from './delegation-model.ts';

const LABELS = { endedOn: 'Ended on' };

export function EndFunctionForm({
  holder,
  onSaved,
  onCancel,
}: {
  holder: Holder;
  onSaved: (notice: string) => void;
  onCancel: () => void;
}) {
  const [endedOn, setEndedOn] = useState('');
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();
  const { errors, fail } = failure;
  const who = fullName(holder.person);
  const headingId = `end-${holder.fn.id}-h`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!endedOn)
      return fail(
        { endedOn: 'Enter the last day the function was held.' },
        'The function was not ended. Correct the field below.',
      );
    if (holder.fn.startedOn && endedOn < holder.fn.startedOn)
      return fail(
        { endedOn: `The function cannot end before it started (${longDate(holder.fn.startedOn)}).` },
        'The function was not ended. Correct the field below.',
      );
    setSaving(true);
    try {
      await api.patch(`/persons/${holder.person.id}`, endedPayload(holder, endedOn));
      const past = endedOn < todayIso();
      onSaved(
        `${who} ${past ? 'held' : 'holds'} the function “${holder.fn.title}” until ${longDate(endedOn)}${past ? ' and is now among the former functions' : ''}.`,
      );
    } catch (e) {
      const error = asApiError(e);
      const detail = error.details.find((d) => d.path && formField(d.path, holder.index) === 'endedOn');
      fail(detail ? { endedOn: labelled(LABELS.endedOn, detail.message) } : {}, error.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form wp-inline-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>
        End the function of {who}: {holder.fn.title}
      </h3>
      <FailureSummary of={failure} labels={LABELS} />
      <Field
        label="Ended on"
        hint="The last day it was held. The person then appears among the former functions; nothing is deleted."
        error={errors.endedOn}
      >
        <input
          type="date"
          value={endedOn}
          min={holder.fn.startedOn ?? undefined}
          onChange={(e) => setEndedOn(e.target.value)}
          autoFocus
        />
      </Field>
      <FormActions submit="End the function" busy={saving} busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
