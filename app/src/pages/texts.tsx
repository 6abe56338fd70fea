// The texts part of the workspace: the list of texts, one text with its procedure, the decision register.
export { TextsPage } from './texts/TextsPage.tsx';
export { TextPage } from './texts/TextPage.tsx';
export { DecisionsPage } from './texts/DecisionsPage.tsx';
