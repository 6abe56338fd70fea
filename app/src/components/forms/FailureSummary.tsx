// The summary at the top of a form after a refused attempt, in the box useFormFailure moves the focus into.
import { FormErrors } from '../Field.tsx';
import { summaryFields } from '../form-errors.ts';
import type { FormFailure } from './use-form-failure.ts';

/** With `labels`, the problems are listed by label in the form's order; without, by the keys they came with. */
export function FailureSummary({
  of,
  labels,
}: {
  of: Pick<FormFailure, 'errors' | 'message' | 'summaryRef'>;
  labels?: Record<string, string>;
}) {
  return (
    <div ref={of.summaryRef}>
      <FormErrors message={of.message} fields={labels ? summaryFields(of.errors, labels) : of.errors} />
    </div>
  );
}
