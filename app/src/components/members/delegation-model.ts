// A member's delegation: the people holding a function for it, current or former, and the writes that
// change it (POST/PATCH /persons with the person's whole list of functions). Pure, so the rules read in
// one place.
import type { Person, PersonFunction } from './model.ts';

export interface Holder {
  person: Person;
  fn: PersonFunction;
  /** The function's place in person.functions (a PATCH sends the whole list). */
  index: number;
}

/** A function has ended once its last day is before today; one that ends later is still held. */
export const isFormer = (fn: PersonFunction, today: string) => fn.endedOn !== null && fn.endedOn < today;

/** The people holding (or having held) a function for `member`, split into current and former. */
export function delegationOf(
  persons: readonly Person[],
  member: string,
  today: string,
): { current: Holder[]; former: Holder[] } {
  const all = persons.flatMap((person) =>
    person.functions.map((fn, index) => ({ person, fn, index })).filter((h) => h.fn.member === member),
  );
  return { current: all.filter((h) => !isFormer(h.fn, today)), former: all.filter((h) => isFormer(h.fn, today)) };
}

export const fullName = (p: { honorific: string | null; name: string }) =>
  [p.honorific, p.name].filter(Boolean).join(' ');

/** The person fields and the one function the forms edit. */
export interface FunctionDraft {
  honorific: string;
  name: string;
  title: string;
  startedOn: string;
  endedOn: string;
}

export const LABELS: Record<keyof FunctionDraft, string> = {
  honorific: 'Honorific',
  name: 'Name',
  title: 'Function',
  startedOn: 'Started on',
  endedOn: 'Ended on',
};

export const draftOf = (h: Holder | null): FunctionDraft =>
  h
    ? {
        honorific: h.person.honorific ?? '',
        name: h.person.name,
        title: h.fn.title,
        startedOn: h.fn.startedOn ?? '',
        endedOn: h.fn.endedOn ?? '',
      }
    : { honorific: '', name: '', title: '', startedOn: '', endedOn: '' };

/** The obvious checks before anything is sent: what to do, per field. */
export function checkDraft(d: FunctionDraft): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.name.trim()) e.name = 'Enter the person’s name.';
  if (!d.title.trim()) e.title = 'Enter the function, e.g. “Ambassador, Permanent Representative”.';
  if (d.startedOn && d.endedOn && d.endedOn < d.startedOn)
    e.endedOn = 'The function cannot end before the day it started.';
  return e;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const asInput = (f: PersonFunction) => ({
  title: f.title,
  member: f.member,
  startedOn: f.startedOn,
  endedOn: f.endedOn,
});

/** POST /persons: a new person with one function for `member`. */
export const newPersonPayload = (d: FunctionDraft, member: string) => ({
  honorific: orNull(d.honorific),
  name: d.name.trim(),
  functions: [{ title: d.title.trim(), member, startedOn: d.startedOn || null, endedOn: d.endedOn || null }],
});

/** PATCH /persons/{id}: the person's fields and all their functions, with the one at `h.index` changed. */
export const changedPersonPayload = (d: FunctionDraft, h: Holder) => ({
  honorific: orNull(d.honorific),
  name: d.name.trim(),
  functions: h.person.functions.map((f, i) =>
    i === h.index
      ? { title: d.title.trim(), member: f.member, startedOn: d.startedOn || null, endedOn: d.endedOn || null }
      : asInput(f),
  ),
});

/** PATCH /persons/{id} ending the function at `h.index` on `endedOn`; the others are kept as they are. */
export const endedPayload = (h: Holder, endedOn: string) => ({
  functions: h.person.functions.map((f, i) => (i === h.index ? { ...asInput(f), endedOn } : asInput(f))),
});

/**
 * The form field a server path is about: "name", "honorific", or "functions[i].title" of the function
 * being edited ("title"). A path about another of the person's functions has no field here (null).
 */
export function formField(path: string, index: number): keyof FunctionDraft | null {
  if (path === 'name' || path === 'honorific') return path;
  const m = /^functions\[(\d+)\]\.(title|startedOn|endedOn)$/.exec(path);
  if (m && Number(m[1]) === index) return m[2] as 'title' | 'startedOn' | 'endedOn';
  return null;
}
