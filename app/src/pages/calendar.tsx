// The calendar pages (App.tsx imports them from here): the views, one event, the event form.
export { CalendarPage } from './calendar/CalendarPage.tsx';
export { EventPage } from './calendar/EventPage.tsx';
export { EventFormPage } from './calendar/EventFormPage.tsx';
