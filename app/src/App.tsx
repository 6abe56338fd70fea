// The workspace's routes. Every page loads its data from /api/v1 as the signed-in user: what the server
// answers is exactly what `can` lets this user see, so the app never filters or guesses on its own.
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { MeetingsPage, MeetingPage, MeetingFormPage } from './pages/meetings.tsx';
import { CalendarPage, EventPage, EventFormPage } from './pages/calendar.tsx';
import { WorkProgrammePage, ProjectPage, ProjectFormPage } from './pages/work-programme.tsx';
import { MembersPage, MemberPage, NewMemberPage } from './pages/members.tsx';
import { FormatsPage, FormatPage, NewFormatPage } from './pages/formats.tsx';
import { BodiesPage, BodyPage, BodyFormPage } from './pages/bodies.tsx';
import { TopicsPage, TopicPage, TopicFormPage } from './pages/topics.tsx';
import { TextsPage, TextPage, DecisionsPage } from './pages/texts.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { AccountsPage, NewAccountPage, AccountDetailPage } from './pages/accounts.tsx';
import { SearchPage } from './pages/SearchPage.tsx';

const router = createBrowserRouter(
  [
    {
      element: <Layout />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'meetings', element: <MeetingsPage /> },
        { path: 'meetings/new', element: <MeetingFormPage /> },
        { path: 'meetings/:id', element: <MeetingPage /> },
        { path: 'meetings/:id/edit', element: <MeetingFormPage /> },
        { path: 'calendar', element: <CalendarPage /> },
        { path: 'events/new', element: <EventFormPage /> },
        { path: 'events/:id', element: <EventPage /> },
        { path: 'events/:id/edit', element: <EventFormPage /> },
        { path: 'work-programme', element: <WorkProgrammePage /> },
        { path: 'projects/new', element: <ProjectFormPage /> },
        { path: 'projects/:id', element: <ProjectPage /> },
        { path: 'projects/:id/edit', element: <ProjectFormPage /> },
        { path: 'members', element: <MembersPage /> },
        { path: 'members/new', element: <NewMemberPage /> },
        { path: 'members/:code', element: <MemberPage /> },
        { path: 'formats', element: <FormatsPage /> },
        { path: 'formats/new', element: <NewFormatPage /> },
        { path: 'formats/:code', element: <FormatPage /> },
        { path: 'bodies', element: <BodiesPage /> },
        { path: 'bodies/new', element: <BodyFormPage /> },
        { path: 'bodies/:code', element: <BodyPage /> },
        { path: 'bodies/:code/edit', element: <BodyFormPage /> },
        { path: 'topics', element: <TopicsPage /> },
        { path: 'topics/new', element: <TopicFormPage /> },
        { path: 'topics/:code', element: <TopicPage /> },
        { path: 'topics/:code/edit', element: <TopicFormPage /> },
        { path: 'texts', element: <TextsPage /> },
        { path: 'texts/:id', element: <TextPage /> },
        { path: 'decisions', element: <DecisionsPage /> },
        { path: 'account', element: <AccountPage /> },
        { path: 'accounts', element: <AccountsPage /> },
        { path: 'accounts/new', element: <NewAccountPage /> },
        { path: 'accounts/:id', element: <AccountDetailPage /> },
        { path: 'search', element: <SearchPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/app' },
);

export function App() {
  return <RouterProvider router={router} />;
}
