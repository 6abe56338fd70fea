// The bodies pages (App.tsx imports them from here).
export { BodiesPage } from './bodies/BodiesPage.tsx';
export { BodyPage } from './bodies/BodyPage.tsx';
export { BodyFormPage } from './bodies/BodyFormPage.tsx';
