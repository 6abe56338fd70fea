// What a page shows while loading, on an error, and when there is nothing to list.
import type { ReactNode } from 'react';
import type { ApiError } from '../api.ts';

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
