// The members pages (App.tsx imports them from here).
export { MembersPage } from './members/MembersPage.tsx';
export { MemberPage } from './members/MemberPage.tsx';
export { NewMemberPage } from './members/NewMemberPage.tsx';
