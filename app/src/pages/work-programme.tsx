// PLACEHOLDER: being built (replace this file).
import { PageTitle } from '../components/Layout.tsx';
export function WorkProgrammePage() { return <PageTitle title="WorkProgrammePage">WorkProgrammePage</PageTitle>; }
export function ProjectPage() { return <PageTitle title="ProjectPage">ProjectPage</PageTitle>; }
export function ProjectFormPage() { return <PageTitle title="ProjectFormPage">ProjectFormPage</PageTitle>; }
