// The row that ends a form: its submit button (disabled, and relabelled if asked, while busy) and Cancel.
import type { ReactNode, Ref } from 'react';
import { Link } from 'react-router';

/** Cancel is a link back (`cancelTo`), a button (`onCancel`), or left out when neither is given. */
export function FormActions({
  submit,
  busy,
  busyLabel,
  danger = false,
  cancelTo,
  onCancel,
  submitRef,
}: {
  submit: ReactNode;
  busy: boolean;
  busyLabel?: string;
  danger?: boolean;
  cancelTo?: string;
  onCancel?: () => void;
  submitRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className={danger ? 'button danger' : 'button'} ref={submitRef} disabled={busy}>
        {busy && busyLabel ? busyLabel : submit}
      </button>
      {cancelTo !== undefined ? (
        <Link className="button secondary" to={cancelTo}>
          Cancel
        </Link>
      ) : onCancel ? (
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
