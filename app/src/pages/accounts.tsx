// The accounts pages (administrators; the secretariat reads): the list, a new account with its one-time
// link, and one account (files under ./accounts/).
export { AccountsPage } from './accounts/AccountsPage.tsx';
export { NewAccountPage } from './accounts/NewAccountPage.tsx';
export { AccountDetailPage } from './accounts/AccountDetailPage.tsx';
