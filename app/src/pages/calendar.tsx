// PLACEHOLDER: being built (replace this file).
import { PageTitle } from '../components/Layout.tsx';
export function CalendarPage() { return <PageTitle title="CalendarPage">CalendarPage</PageTitle>; }
export function EventPage() { return <PageTitle title="EventPage">EventPage</PageTitle>; }
export function EventFormPage() { return <PageTitle title="EventFormPage">EventFormPage</PageTitle>; }
