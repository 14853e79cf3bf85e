import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { CARD_BODY, CARD_HEAD, CARD_ROW, CARD_TABLE, cardCell, type CardRole } from "./table-cards";

export type SimpleRow = { key: string; cells: ReactNode[] };

/**
 * A small, unpaged table (a catalog of scopes or resources, an account's grants): column headers, rows, a
 * message when empty. A header of "" is the actions column, named for screen readers only. Below 640 px each
 * row is a card (table-cards.tsx): the first column leads it, the actions column sits beside it, the others
 * follow with their header as label; `cards` may leave some (`detail`) for wider screens.
 */
export function SimpleTable({
  label,
  headers,
  rows,
  empty,
  cards,
}: {
  label: string;
  headers: readonly string[];
  rows: readonly SimpleRow[];
  empty: string;
  cards?: readonly (CardRole | undefined)[];
}) {
  const roleOf = (i: number): CardRole => cards?.[i] ?? (i === 0 ? "title" : headers[i] === "" ? "actions" : "field");
  return (
    // Focusable, so a keyboard user can scroll it sideways on a narrow screen.
    <div tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-600">
      <table className={CARD_TABLE} aria-label={label}>
        <thead className={CARD_HEAD}>
          <tr>
            {headers.map((header, i) => (
              <th key={i} scope="col" className="px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                {header || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={CARD_BODY}>
          {rows.length === 0 ? (
            <tr className="max-sm:block">
              <td colSpan={headers.length} className="px-4 py-8 text-center text-slate-500 max-sm:block">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key} className={cn("hover:bg-slate-50", CARD_ROW)}>
                {row.cells.map((cell, i) => {
                  const { className, ...label } = cardCell(roleOf(i), headers[i]);
                  return (
                    <td key={i} {...label} className={cn("px-4 py-2.5 align-top text-slate-700", className)}>
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
