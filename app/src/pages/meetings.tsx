// PLACEHOLDER: being built (replace this file).
import { PageTitle } from '../components/Layout.tsx';
export function MeetingsPage() { return <PageTitle title="MeetingsPage">MeetingsPage</PageTitle>; }
export function MeetingPage() { return <PageTitle title="MeetingPage">MeetingPage</PageTitle>; }
export function MeetingFormPage() { return <PageTitle title="MeetingFormPage">MeetingFormPage</PageTitle>; }
