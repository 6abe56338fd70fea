// The topics pages (App.tsx imports them from here).
export { TopicsPage } from './topics/TopicsPage.tsx';
export { TopicPage } from './topics/TopicPage.tsx';
export { TopicFormPage } from './topics/TopicFormPage.tsx';
