// PLACEHOLDER: being built (replace this file).
import { PageTitle } from '../components/Layout.tsx';
export function DashboardPage() { return <PageTitle title="DashboardPage">DashboardPage</PageTitle>; }
