// A table of data in its sideways-scrolling box: named by a hidden caption or by a heading, with a header row of columns.
import type { ReactNode } from 'react';

/**
 * `scrollLabel` makes the box a focusable, named region ("…, scrollable") for keyboard scrolling; a column
 * given as null or false is left out (e.g. the actions column for a reader who may not act). The rows are the children.
 */
export function DataTable({
  className,
  caption,
  labelledBy,
  scrollLabel,
  columns,
  children,
}: {
  className?: string;
  caption?: string;
  labelledBy?: string;
  scrollLabel?: string;
  columns: readonly ReactNode[];
  children: ReactNode;
}) {
  const region = scrollLabel ? { tabIndex: 0, role: 'region', 'aria-label': `${scrollLabel}, scrollable` } : {};
  return (
    <div className="table-scroll" {...region}>
      <table className={className ? `data ${className}` : 'data'} aria-labelledby={labelledBy}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column, i) =>
              column === null || column === false ? null : (
                <th key={i} scope="col">
                  {column}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
