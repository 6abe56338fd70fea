// The parts of a filter bar (form.cal-filters): a labelled select and the button that applies the filters.
import type { ComponentProps, ReactNode } from 'react';

/** A select with its label above it; `all` is the words of an empty first option ("All", "Every body"), if any. */
export function FilterSelect({
  id,
  label,
  all,
  children,
  ...select
}: { id: string; label: string; all?: string; children: ReactNode } & Omit<
  ComponentProps<'select'>,
  'id' | 'children'
>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {all !== undefined ? <option value="">{all}</option> : null}
        {children}
      </select>
    </div>
  );
}

/** The submit button at the end of a filter bar ("Show"). */
export function FilterSubmit({ children }: { children: ReactNode }) {
  return (
    <div className="field cal-filters-go">
      <button type="submit" className="button secondary">
        {children}
      </button>
    </div>
  );
}
