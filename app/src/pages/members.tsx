// PLACEHOLDER: being built (replace this file).
import { PageTitle } from '../components/Layout.tsx';
export function MembersPage() { return <PageTitle title="MembersPage">MembersPage</PageTitle>; }
export function MemberPage() { return <PageTitle title="MemberPage">MemberPage</PageTitle>; }
