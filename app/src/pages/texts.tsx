// PLACEHOLDER: being built (replace this file).
import { PageTitle } from '../components/Layout.tsx';
export function TextsPage() { return <PageTitle title="TextsPage">TextsPage</PageTitle>; }
export function TextPage() { return <PageTitle title="TextPage">TextPage</PageTitle>; }
export function DecisionsPage() { return <PageTitle title="DecisionsPage">DecisionsPage</PageTitle>; }
