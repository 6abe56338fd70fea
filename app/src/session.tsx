// Who is signed in. The app loads GET /api/v1/session once; without a session it sends the browser to
// the server-rendered sign-in page, which brings it back here afterwards (?next=).
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './api.ts';

export type Role = 'admin' | 'secretariat' | 'chair' | 'delegate' | 'auditor';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  member: string | null;
  headOfDelegation: boolean;
  clearance: string;
}

/** What the user may start, decided by the server's `can` (items carry their own `abilities`). */
export interface SessionAbilities {
  createMeetings: boolean;
  createProjects: boolean;
  createEvents: boolean;
  createTexts: boolean;
  /** May list the accounts (administrators, the secretariat). */
  viewAccounts: boolean;
  /** May create and change accounts (administrators). */
  manageAccounts: boolean;
}

interface SessionPayload {
  actor: 'public' | 'user' | 'admin-token';
  abilities: SessionAbilities;
  user: SessionUser | null;
  csrfToken: string | null;
  expiresAt: string | null;
}

interface SessionValue {
  user: SessionUser;
  abilities: SessionAbilities;
  /** The chair: the dashboard lists the procedures the chair runs. Never used to decide access (abilities do). */
  isChair: boolean;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** Where the sign-in page should bring the user back to. */
function signInUrl(): string {
  const here = window.location.pathname + window.location.search;
  return `/sign-in?next=${encodeURIComponent(here)}`;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ user: SessionUser; abilities: SessionAbilities } | { error: string } | null>(
    null,
  );

  useEffect(() => {
    let cancelled = false;
    api
      .get<SessionPayload>('/session')
      .then((session) => {
        if (cancelled) return;
        if (!session.user) {
          window.location.assign(signInUrl());
          return;
        }
        setCsrfToken(session.csrfToken);
        setState({ user: session.user, abilities: session.abilities });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ error: error instanceof ApiError ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  if (state === null)
    return (
      <p className="loading" role="status">
        Loading your workspace…
      </p>
    );
  if ('error' in state)
    return (
      <div className="page-error" role="alert">
        <h1>The workspace could not load</h1>
        <p>{state.error}</p>
        <p>
          <a href="/app/">Try again</a>
        </p>
      </div>
    );

  const { user, abilities } = state;
  const value: SessionValue = {
    user,
    abilities,
    isChair: user.roles.includes('chair'),
    async signOut() {
      await api.delete('/session');
      setCsrfToken(null);
      window.location.assign('/sign-in?notice=signed-out');
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
