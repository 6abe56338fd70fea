// The masthead's notifications control: how many are unread, the latest ones in a disclosure panel,
// each marked read when opened or with its own button. The list is read again when a live event
// about a text arrives (its notification may have just been written) and every minute.
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { isTextEvent, useLive } from '../live.ts';
import { useApi } from '../use-api.ts';
import { localWhen } from './texts/format.ts';

interface Notification {
  id: string;
  kind: string;
  subject: string;
  body: string;
  link: string;
  itemId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Workspace links are app routes; anything else (the public record) is a plain link. */
const appPath = (link: string) => (link.startsWith('/app/') ? link.slice(4) : null);

export function Notifications() {
  const list = useApi<{ unread: number; items: Notification[] }>('/notifications?limit=20');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const { reload } = list;
  useLive(() => reload(), isTextEvent);
  useEffect(() => {
    const timer = setInterval(reload, 60_000);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        wrapper.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const markRead = async (n: Notification) => {
    if (n.readAt) return;
    try {
      await api.post(`/notifications/${n.id}/read`);
    } finally {
      reload();
    }
  };

  const unread = list.status === 'ok' ? list.data.unread : 0;
  return (
    <div className="notifications" ref={wrapper}>
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Notifications
        {unread ? (
          <span className="unread-count">
            {' '}
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        ) : null}
      </button>
      {open ? (
        <div className="notifications-panel" id={panelId}>
          <h2>Notifications</h2>
          {list.status === 'error' ? <p>{list.error.message}</p> : null}
          {list.status === 'ok' && list.data.items.length === 0 ? <p className="empty">Nothing yet.</p> : null}
          {list.status === 'ok' && list.data.items.length ? (
            <ul>
              {list.data.items.map((n) => {
                const path = appPath(n.link);
                const title = n.readAt ? n.subject : <strong>{n.subject}</strong>;
                return (
                  <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                    {path ? (
                      <Link
                        to={path}
                        onClick={() => {
                          setOpen(false);
                          void markRead(n);
                        }}
                      >
                        {title}
                      </Link>
                    ) : (
                      <a href={n.link} onClick={() => void markRead(n)}>
                        {title}
                      </a>
                    )}
                    {n.readAt ? null : <span className="visually-hidden"> (unread)</span>}
                    <span className="entry-meta">{localWhen(n.createdAt)}</span>
                    {n.body ? <p>{n.body}</p> : null}
                    {n.readAt ? null : (
                      <button type="button" className="button secondary small" onClick={() => void markRead(n)}>
                        Mark read<span className="visually-hidden">: {n.subject}</span>
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
