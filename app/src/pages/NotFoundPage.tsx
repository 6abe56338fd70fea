import { Link } from 'react-router';
import { PageTitle } from '../components/Layout.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="Page not found">Page not found</PageTitle>
      <p>There is no such page in the workspace, or it is not available to you.</p>
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </>
  );
}
