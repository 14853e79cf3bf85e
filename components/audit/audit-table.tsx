"use client";
import { useTable } from "@tanstack/react-table";
import type { AuditEventRow } from "@/lib/audit/audit-event-row";
import { CARD_BODY, CARD_HEAD, CARD_ROW, CARD_TABLE, cardCell } from "@/components/ui/table-cards";
import { cn } from "@/lib/cn";
import { auditTableFeatures, getAuditColumns } from "./audit-columns";

const columns = getAuditColumns(); // stable: the cells read what changes from AuditRowsContext

type AuditTableProps = {
  rows: AuditEventRow[];
  /** The open event's row is marked. */
  selectedId: string | null;
  onOpen: (id: string) => void;
  busy: boolean;
  emptyMessage: string;
};

/** One page of events, newest first, as the server sent it. A click on a row opens its detail panel. */
export function AuditTable({ rows, selectedId, onOpen, busy, emptyMessage }: AuditTableProps) {
  const table = useTable({ features: auditTableFeatures, columns, data: rows, getRowId: (row) => row.id });
  const shown = table.getRowModel().rows;

  return (
    <div aria-busy={busy} className={cn("relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm", busy && "opacity-60")}>
      <table className={CARD_TABLE}>
        <thead className={CARD_HEAD}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className={CARD_BODY}>
          {shown.length === 0 ? (
            <tr className="max-sm:block">
              <td colSpan={table.getAllLeafColumns().length} className="px-4 py-10 text-center text-slate-500 max-sm:block">
                {emptyMessage}
              </td>
            </tr>
          ) : (
            shown.map((row) => (
              <tr
                key={row.id}
                // The Time cell's button is the keyboard way in; the whole row is a larger target for the mouse.
                onClick={() => onOpen(row.id)}
                aria-current={row.id === selectedId ? "true" : undefined}
                className={cn("cursor-pointer hover:bg-slate-50", CARD_ROW, row.id === selectedId && "bg-indigo-50/60 hover:bg-indigo-50")}
              >
                {row.getAllCells().map((cell) => {
                  const header = cell.column.columnDef.header;
                  const { className, ...label } = cardCell(cell.column.columnDef.meta?.card, typeof header === "string" ? header : undefined);
                  return (
                    <td key={cell.id} {...label} className={cn("whitespace-nowrap px-4 py-2 align-top text-slate-700", className)}>
                      <table.FlexRender cell={cell} />
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
