// The page form that creates or changes one item of a collection (an event, a project): the item loaded
// when changing, the form seeded from it once, what the page shows instead of the form, and the save.
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { useApi } from '../../use-api.ts';
import { PageTitle } from '../Layout.tsx';
import { ErrorBox, Loading } from '../Status.tsx';
import { useFormFailure } from './use-form-failure.ts';

interface Item {
  id: string;
  title: string;
  abilities: { update: boolean };
}

/**
 * `collection` is both the API path and the page path ("events": /events/{id}); `id` is undefined for a new item.
 * The server decides who may: a new item needs `mayCreate`, a change the item's own abilities; anyone else reads `refusal`.
 */
export function useItemForm<T extends Item, F>({ collection, noun, id, empty, toForm, mayCreate, refusal }: {
  collection: string;
  noun: string;
  id: string | undefined;
  empty: F;
  toForm: (item: T) => F;
  mayCreate: boolean;
  refusal: string;
}) {
  const editing = id !== undefined;
  const navigate = useNavigate();
  const existing = useApi<T>(editing ? `/${collection}/${id}` : null);
  const [form, setForm] = useState<F>(empty);
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const failure = useFormFailure();

  useEffect(() => {
    if (existing.data && loadedId !== existing.data.id) {
      setForm(toForm(existing.data));
      setLoadedId(existing.data.id);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- seeded once per item; toForm is a pure function of it
  }, [existing.data, loadedId]);

  const title = editing ? `Change ${noun}${existing.data ? `: ${existing.data.title}` : ''}` : `New ${noun}`;
  let blocked: ReactNode = null;
  if (editing ? existing.data !== null && !existing.data.abilities.update : !mayCreate)
    blocked = (
      <>
        <PageTitle title={title}>{title}</PageTitle>
        <p>{refusal}</p>
      </>
    );
  else if (editing && existing.error) blocked = <ErrorBox error={existing.error} retry={existing.reload} />;
  else if (editing && !loadedId) blocked = <Loading what={`the ${noun}`} />;

  return {
    editing,
    title,
    /** What the page shows instead of the form (a refusal, the item's load error, or loading), else null. */
    blocked,
    form,
    set: <K extends keyof F>(key: K, value: F[K]) => setForm((f) => ({ ...f, [key]: value })),
    saving,
    failure,
    /** Creates or changes the item, then opens its page with `notice`; a refusal is shown under the form's `labels`. */
    async save(payload: Record<string, unknown>, labels: Record<string, string>, notice: string) {
      setSaving(true);
      try {
        const saved = editing ? await api.patch<T>(`/${collection}/${id}`, payload) : await api.post<T>(`/${collection}`, payload);
        navigate(`/${collection}/${saved.id}`, { state: { notice } });
      } catch (e) {
        failure.refuse(e, labels);
      } finally {
        setSaving(false);
      }
    },
  };
}
