// The state every workspace form shares after a refused attempt: per-field messages, the summary's
// sentence, and the focus moved to the summary so that its problems are read out.
import { useLayoutEffect, useRef, useState } from 'react';
import { asApiError, ApiError } from '../../api.ts';
import { serverFieldErrors } from '../form-errors.ts';

export type FormFailure = ReturnType<typeof useFormFailure>;

/** Per-field messages and the summary of a form's last refused attempt; render them with <FailureSummary>. */
export function useFormFailure() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  // In the same commit that draws the summary, so the focus never lags behind what is shown.
  useLayoutEffect(() => {
    if (attempt > 0) summaryRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
  }, [attempt]);
  /** Shows the problems and moves the focus to the summary. */
  const fail = (fields: Record<string, string>, text: string | null) => {
    setErrors(fields);
    setMessage(text);
    setAttempt((a) => a + 1);
  };
  return {
    errors,
    message,
    summaryRef,
    fail,
    /** A refused save: the server's field details under the form's labels (paths mapped first if need be), and its sentence. */
    refuse(e: unknown, labels: Record<string, string>, paths: (error: ApiError) => ApiError = (error) => error) {
      const error = paths(asApiError(e));
      fail(serverFieldErrors(error, labels), error.message);
    },
    /** Nothing to correct (any more): the summary and the inline messages go. */
    clear: () => {
      setErrors({});
      setMessage(null);
    },
    /** Forgets the messages of the fields under `prefix` (their numbers no longer match after a list changed). */
    forget(prefix: string) {
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(prefix))));
    },
  };
}

/** "is already used" after its label reads "Name is already used."; a sentence of its own is kept. */
export const labelled = (label: string, message: string) =>
  /^[a-z]/.test(message) ? `${label} ${message}${/[.!?]$/.test(message) ? '' : '.'}` : message;

/** The server writes "groups[1]" and "functions[0].title"; the forms' keys are dotted ("groups.1"). */
export const dottedPaths = (error: ApiError) =>
  new ApiError(
    error.status,
    error.code,
    error.message,
    error.details.map((d) => (d.path ? { ...d, path: d.path.replace(/\[(\d+)\]/g, '.$1') } : d)),
  );
