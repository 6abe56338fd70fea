// The page form that creates or changes one item of a collection (an event, a project, a body, a topic):
// the item loaded when changing, the form seeded from it once, what the page shows instead of the form,
// and the save.
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type ApiError } from '../../api.ts';
import { useApi } from '../../use-api.ts';
import { PageTitle } from '../Layout.tsx';
import { Loading, PageFailure } from '../Status.tsx';
import { useFormFailure } from './use-form-failure.ts';

interface Item {
  abilities?: { update: boolean };
}

/**
 * `collection` is both the API path and the page path ("events": /events/{key}); `id` is the key of the item
 * to change, undefined for a new one; `keyOf` and `nameOf` read an item's key and name (for the page it
 * opens after a save, and the title). The server decides who may: a new item needs `mayCreate` (undefined
 * while that is still being loaded), a change the item's own abilities; anyone else reads `refusal`, with
 * a way back to the item or to `list`.
 */
export function useItemForm<T extends Item, F>({
  collection,
  noun,
  id,
  empty,
  toForm,
  keyOf,
  nameOf,
  mayCreate,
  refusal,
  list,
}: {
  collection: string;
  noun: string;
  id: string | undefined;
  empty: F;
  toForm: (item: T) => F;
  keyOf: (item: T) => string;
  nameOf: (item: T) => string;
  mayCreate: boolean | undefined;
  refusal: string;
  list: { to: string; label: string };
}) {
  const editing = id !== undefined;
  const navigate = useNavigate();
  const existing = useApi<T>(editing ? `/${collection}/${id}` : null);
  const [form, setForm] = useState<F>(empty);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();

  useEffect(() => {
    if (existing.data && loadedKey !== keyOf(existing.data)) {
      setForm(toForm(existing.data));
      setLoadedKey(keyOf(existing.data));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- seeded once per item; toForm and keyOf are pure functions of it
  }, [existing.data, loadedKey]);

  const title = editing ? `Change the ${noun}${existing.data ? `: ${nameOf(existing.data)}` : ''}` : `New ${noun}`;
  let blocked: ReactNode = null;
  if (editing && existing.error)
    blocked = (
      <PageFailure
        title={title}
        error={existing.error}
        retry={existing.error.status === 404 ? undefined : existing.reload}
        back={list}
      />
    );
  else if (editing ? existing.data !== null && !(existing.data.abilities?.update ?? false) : mayCreate === false)
    blocked = (
      <>
        <PageTitle title={title}>{title}</PageTitle>
        <p className="alert" role="alert">
          {refusal}{' '}
          {editing ? (
            <Link to={`/${collection}/${id}`}>Back to the {noun}</Link>
          ) : (
            <Link to={list.to}>{list.label}</Link>
          )}
        </p>
      </>
    );
  else if (editing ? !loadedKey : mayCreate === undefined)
    blocked = <Loading what={editing ? `the ${noun}` : 'the form'} />;

  return {
    editing,
    title,
    /** The item as loaded when changing it (null while loading, and for a new item). */
    existing: existing.data,
    /** What the page shows instead of the form (the item's load error, a refusal, or loading), else null. */
    blocked,
    form,
    set: <K extends keyof F>(key: K, value: F[K]) => setForm((f) => ({ ...f, [key]: value })),
    saving,
    failure,
    /**
     * Creates or changes the item, then opens its page with `notice`; a refusal is shown under the form's
     * `labels` (its paths mapped first by `paths`, if given).
     */
    async save(
      payload: Record<string, unknown>,
      labels: Record<string, string>,
      notice: (saved: T) => string,
      paths?: (error: ApiError) => ApiError,
    ) {
      setSaving(true);
      try {
        const saved = editing
          ? await api.patch<T>(`/${collection}/${id}`, payload)
          : await api.post<T>(`/${collection}`, payload);
        void navigate(`/${collection}/${keyOf(saved)}`, { state: { notice: notice(saved) } });
      } catch (e) {
        failure.refuse(e, labels, paths);
      } finally {
        setSaving(false);
      }
    },
  };
}
