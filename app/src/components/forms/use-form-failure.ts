// The state every inline form of the members pages shares: per-field messages, the summary's sentence,
// and the focus moved to the summary after a refused attempt so that its problems are read out.
import { useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';

export function useFormFailure() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  // In the same commit that draws the summary, so the focus never lags behind what is shown.
  useLayoutEffect(() => {
    if (attempt > 0) summaryRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
  }, [attempt]);
  return {
    errors,
    failure,
    summaryRef,
    /** Shows the problems and moves the focus to the summary. */
    fail(fields: Record<string, string>, message: string | null) {
      setErrors(fields);
      setFailure(message);
      setAttempt((a) => a + 1);
    },
    clear() {
      setErrors({});
      setFailure(null);
    },
  };
}

/** Any thrown value as the server's ApiError (a bug in the page becomes a readable one). */
export const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));

/** "is already used" after its label reads "Name is already used."; a sentence of its own is kept. */
export const labelled = (label: string, message: string) => (/^[a-z]/.test(message) ? `${label} ${message}${/[.!?]$/.test(message) ? '' : '.'}` : message);

/** The server writes "groups[1]" and "functions[0].title"; the forms' keys are dotted ("groups.1"). */
export const dottedPaths = (error: ApiError) =>
  new ApiError(error.status, error.code, error.message, error.details.map((d) => (d.path ? { ...d, path: d.path.replace(/\[(\d+)\]/g, '.$1') } : d)));
