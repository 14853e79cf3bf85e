import type { ReactNode } from "react";

export type SimpleRow = { key: string; cells: ReactNode[] };

/**
 * A small, unpaged table (a catalog of scopes or resources, an account's grants): column headers, rows, a
 * message when empty. A header of "" is the actions column, named for screen readers only.
 */
export function SimpleTable({ label, headers, rows, empty }: { label: string; headers: readonly string[]; rows: readonly SimpleRow[]; empty: string }) {
  return (
    // Focusable, so a keyboard user can scroll it sideways on a narrow screen.
    <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-600">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
        <thead className="bg-slate-50">
          <tr>
            {headers.map((header, i) => (
              <th key={i} scope="col" className="px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                {header || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={headers.length} className="px-4 py-8 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key} className="hover:bg-slate-50">
                {row.cells.map((cell, i) => (
                  <td key={i} className="px-4 py-2.5 align-top text-slate-700">
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
