// The work-programme pages (App.tsx imports them from here).
export { WorkProgrammePage } from './work-programme/WorkProgrammePage.tsx';
export { ProjectPage } from './work-programme/ProjectPage.tsx';
export { ProjectFormPage } from './work-programme/ProjectFormPage.tsx';
