// The meetings pages: the list, one meeting, and the secretariat's form (files under ./meetings/).
export { MeetingsPage } from './meetings/MeetingsPage.tsx';
export { MeetingPage } from './meetings/MeetingPage.tsx';
export { MeetingFormPage } from './meetings/MeetingFormPage.tsx';
