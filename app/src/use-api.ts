// Loading data for a page: the value, the error, and a reload function. Requests are aborted when the
// page goes away or the path changes, so a slow answer never overwrites a newer one.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, asApiError } from './api.ts';

export type Loaded<T> =
  | { status: 'loading'; data: null; error: null; reload: () => void }
  | { status: 'ok'; data: T; error: null; reload: () => void }
  | { status: 'error'; data: null; error: ApiError; reload: () => void };

export function useApi<T>(path: string | null): Loaded<T> {
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<{ status: 'loading' | 'ok' | 'error'; data: T | null; error: ApiError | null }>({
    status: 'loading',
    data: null,
    error: null,
  });
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, status: s.data === null ? 'loading' : s.status }));
    api.get<T>(path, controller.signal).then(
      (data) => setState({ status: 'ok', data, error: null }),
      (error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        setState({ status: 'error', data: null, error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [path, generation]);

  return { ...state, reload } as Loaded<T>;
}
