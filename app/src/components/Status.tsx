// What a page shows while loading, on an error, when there is nothing to list, and after a change.
import { useLayoutEffect, useRef, type ReactNode, type Ref } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api.ts';
import { PageTitle } from './Layout.tsx';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <div className="alert" role="alert">
      <p>{error.status === 404 ? 'This item does not exist, or it is not available to you.' : error.message}</p>
      {retry ? (
        <button type="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A page whose item could not be loaded: its title, the error (with Try again when `retry` is given) and the way back. */
export function PageFailure({
  title,
  error,
  retry,
  back,
}: {
  title: string;
  error: ApiError;
  retry?: (() => void) | undefined;
  back: { to: string; label: string };
}) {
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ErrorBox error={error} retry={retry} />
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </>
  );
}

/** What just changed, announced (role status); `focusable` lets the page move the focus to it so that it is read out. */
export function Notice({
  text,
  focusable = false,
  ref,
}: {
  text: string | null;
  focusable?: boolean;
  ref?: Ref<HTMLParagraphElement>;
}) {
  if (!text) return null;
  return (
    <p className="notice" role="status" tabIndex={focusable ? -1 : undefined} ref={ref}>
      {text}
    </p>
  );
}

/**
 * A refused action (a delete the server refused, naming what still refers to the item): an alert that takes
 * the focus in the same commit that draws it, so it is read out at once and a test never sees it unfocused.
 */
export function Refusal({ error }: { error: ApiError | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div className="alert" role="alert" tabIndex={-1} ref={ref}>
      <p>{error.message}</p>
    </div>
  );
}
