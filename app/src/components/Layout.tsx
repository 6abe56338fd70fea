// The frame of every workspace page: skip link, masthead with the main navigation and the account,
// and the page itself in <main>. Page titles go to document.title through <PageTitle>.
import { useEffect, type ReactNode } from 'react';
import { Form, Link, NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../session.tsx';
import { Notifications } from './Notifications.tsx';

const NAV: { to: string; label: string; end?: boolean }[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/meetings', label: 'Meetings' },
  { to: '/calendar', label: 'Calendar' },
  { to: '/work-programme', label: 'Work programme' },
  { to: '/texts', label: 'Texts' },
  { to: '/bodies', label: 'Bodies' },
  { to: '/members', label: 'Members' },
];

export function Layout() {
  const { user, abilities, signOut } = useSession();
  // Accounts appear to those the server lets list them (administrators, the secretariat).
  const nav = abilities.viewAccounts ? [...NAV, { to: '/accounts', label: 'Accounts' }] : NAV;
  const onSearchPage = useLocation().pathname === '/search';
  const who = user.member
    ? `${user.name} (${user.member}${user.headOfDelegation ? ', head of delegation' : ''})`
    : user.name;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="masthead">
        <div className="wrap">
          <a className="brand" href="/">
            Concord
          </a>
          <nav aria-label="Workspace">
            <ul>
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end ?? false}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {onSearchPage ? null : (
            <Form method="get" action="/search" role="search" className="masthead-search">
              <label htmlFor="masthead-q" className="visually-hidden">
                Search the workspace
              </label>
              <input
                id="masthead-q"
                type="search"
                name="q"
                placeholder="Search the workspace"
                maxLength={500}
                required
              />
              <button type="submit">Search</button>
            </Form>
          )}
          <div className="account">
            <Notifications />
            <span className="signed-in-as">
              Signed in as <Link to="/account">{who}</Link>
            </span>{' '}
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <div className="wrap">
          <a href="/">Public record</a> · <a href="/council">The council</a> · <a href="/api/docs">API</a>
        </div>
      </footer>
    </>
  );
}

/** Sets the browser tab's title and renders the page heading. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} · Concord`;
  }, [title]);
  return <h1>{children}</h1>;
}
