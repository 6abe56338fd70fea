// What an accounts page says to someone the server does not let list or change accounts: the same
// "not available" as a missing page, without a word about who has accounts.
import { Link } from 'react-router';
import { PageTitle } from '../../components/Layout.tsx';

export function NotAvailable({ title }: { title: string }) {
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        This page is not available to you. Accounts are kept by the council's administrators: ask one of them if
        something about your account must change.
      </p>
      <p>
        <Link to="/account">Your own account</Link> · <Link to="/">Go to the dashboard</Link>
      </p>
    </>
  );
}
