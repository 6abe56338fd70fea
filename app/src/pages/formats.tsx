// The formats pages (App.tsx imports them from here).
export { FormatsPage } from './formats/FormatsPage.tsx';
export { FormatPage } from './formats/FormatPage.tsx';
export { NewFormatPage } from './formats/NewFormatPage.tsx';
