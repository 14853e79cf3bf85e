"use client";
import {
  functionalUpdate,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { PAGE_SIZES, type ListResult } from "@/lib/lists/pagination";
import { Pagination } from "./pagination";
import { CARD_BODY, CARD_HEAD, CARD_ROW, CARD_TABLE, cardCell, WIDE_ONLY, type ColumnCardMeta } from "./table-cards";
import type { ListNavigation } from "./use-list-navigation";

// Module scope keeps the reference stable. Manual (server-side) paging and sorting: no row-model slots. A column's
// `meta` says how it shows on a phone's card (table-cards.tsx).
export const dataTableFeatures = tableFeatures({ rowPaginationFeature, rowSortingFeature, columnMeta: metaHelper<ColumnCardMeta>() });
export type DataTableFeatures = typeof dataTableFeatures;

/** The part of a list's URL state the table itself drives (lib/lists/list-params). */
export type SortedPageParams<TSort extends string> = { page: number; pageSize: number; sort: TSort; dir: "asc" | "desc" };

export type DataTableProps<TData extends { id: string }, TSort extends string> = {
  /** From the entity's `<entity>-columns.tsx` factory, memoized: new definitions remount every cell. */
  columns: Array<ColumnDef<DataTableFeatures, TData, unknown>>;
  result: ListResult<TData>;
  list: ListNavigation<SortedPageParams<TSort>>;
  /** The server's sortable columns; column ids equal them, so a header click maps straight onto `?sort=`. */
  sorts: readonly TSort[];
  /** Search and filters, above the table. */
  toolbar: ReactNode;
  emptyMessage: string;
  /** What the list holds, for the total: ["user", "users"]. */
  noun: readonly [singular: string, plural: string];
  /** Keep the `actions` column in view when a narrowish screen (640 px and up) scrolls the table sideways. */
  stickyActions?: boolean;
};

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
const STICKY = "sm:sticky sm:right-0";
// A sticky cell needs its own opaque background, so with stickyActions the row's hover is painted on its cells.
const HEAD = "py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const CELL = "whitespace-nowrap py-2.5 text-slate-700";
const STYLES = {
  plain: { head: "px-4", row: "hover:bg-slate-50", cell: "px-4" },
  sticky: {
    head: "whitespace-nowrap bg-slate-50 px-3 first:pl-4",
    row: "group",
    cell: "bg-white px-3 group-hover:bg-slate-50 first:pl-4 last:pr-4",
  },
} as const;

/** A server-paginated, server-sorted list. The URL is the state: every change navigates, and the server sends the new page. */
export function DataTable<TData extends { id: string }, TSort extends string>({
  columns,
  result,
  list,
  sorts,
  toolbar,
  emptyMessage,
  noun,
  stickyActions = false,
}: DataTableProps<TData, TSort>) {
  const { params, isPending, navigate } = list;
  const { pagination, sorting } = useMemo(
    () => ({
      pagination: { pageIndex: params.page - 1, pageSize: params.pageSize } satisfies PaginationState,
      sorting: [{ id: params.sort, desc: params.dir === "desc" }] satisfies SortingState,
    }),
    [params.page, params.pageSize, params.sort, params.dir],
  );

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: result.rows,
    getRowId: (row) => row.id,
    manualPagination: true,
    manualSorting: true,
    pageCount: result.pageCount,
    rowCount: result.total,
    enableMultiSort: false,
    enableSortingRemoval: false, // the server always sorts by something
    state: { pagination, sorting },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      navigate({ page: next.pageIndex + 1, pageSize: next.pageSize });
    },
    onSortingChange: (updater) => {
      const first = functionalUpdate(updater, sorting)[0];
      const sort = sorts.find((s) => s === first?.id);
      if (first && sort) navigate({ page: 1, sort, dir: first.desc ? "desc" : "asc" });
    },
  });

  const style = STYLES[stickyActions ? "sticky" : "plain"];
  const sticky = (columnId: string) => stickyActions && columnId === "actions" && STICKY;
  const rows = table.getRowModel().rows;

  return (
    <div className="space-y-4">
      {toolbar}
      <div
        aria-busy={isPending}
        className={cn("relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm", isPending && "opacity-60")}
      >
        <table className={CARD_TABLE}>
          <thead className={CARD_HEAD}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const sorted = column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      colSpan={header.colSpan}
                      scope="col"
                      aria-sort={column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : "none") : undefined}
                      className={cn(HEAD, style.head, sticky(column.id), column.columnDef.meta?.wideOnly && WIDE_ONLY)}
                    >
                      {header.isPlaceholder ? null : column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={column.getToggleSortingHandler()}
                          className="-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
                        >
                          <table.FlexRender header={header} />
                          {sorted === "asc" ? (
                            <ArrowUp className="size-3.5 text-indigo-600" aria-hidden />
                          ) : sorted === "desc" ? (
                            <ArrowDown className="size-3.5 text-indigo-600" aria-hidden />
                          ) : (
                            <ChevronsUpDown className="size-3.5 text-slate-400" aria-hidden />
                          )}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={CARD_BODY}>
            {rows.length === 0 ? (
              <tr className="max-sm:block">
                <td colSpan={table.getAllLeafColumns().length} className="px-4 py-10 text-center text-slate-500 max-sm:block">
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} className={cn(style.row, CARD_ROW)}>
                  {row.getAllCells().map((cell) => {
                    const { card, cardLabel, wideOnly } = cell.column.columnDef.meta ?? {};
                    const header = cell.column.columnDef.header;
                    const { className, ...label } = cardCell(card, cardLabel ?? (typeof header === "string" ? header : undefined));
                    return (
                      <td key={cell.id} {...label} className={cn(CELL, style.cell, sticky(cell.column.id), className, wideOnly && WIDE_ONLY)}>
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
      <Pagination
        page={params.page}
        pageCount={table.getPageCount()}
        total={result.total}
        pageSize={params.pageSize}
        pageSizes={PAGE_SIZES}
        canPrevious={table.getCanPreviousPage()}
        canNext={table.getCanNextPage()}
        onPrevious={() => table.previousPage()}
        onNext={() => table.nextPage()}
        onPageSizeChange={(size) => table.setPageSize(size)}
        noun={noun}
      />
    </div>
  );
}
