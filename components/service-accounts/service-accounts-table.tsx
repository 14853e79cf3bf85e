"use client";
import { functionalUpdate, useTable, type PaginationState, type SortingState } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import { Pagination } from "@/components/ui/pagination";
import { cn } from "@/lib/cn";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { PAGE_SIZES, type ListResult } from "@/lib/lists/list-params";
import type { ServiceAccountRow } from "@/lib/service-accounts/find-service-accounts";
import { SERVICE_ACCOUNT_SORTS, type FindServiceAccountsParams } from "@/lib/service-accounts/schemas";
import type { OwnerOption } from "@/lib/users/find-owner-options";
import { getServiceAccountColumns, RowActionsContext, serviceAccountFeatures } from "./service-account-columns";
import { ServiceAccountsToolbar, type ServiceAccountFilters } from "./service-accounts-toolbar";

export type ServiceAccountsTableProps = {
  result: ListResult<ServiceAccountRow>;
  /** The URL's list state, as the page parsed it (parseSearchParams(findServiceAccountsSchema, …)). */
  params: FindServiceAccountsParams;
  /** Rows the actor may manage, decided on the server with canManageServiceAccount. */
  manageableIds: readonly string[];
  grantableRoles: readonly ServiceAccountRole[];
  /** Given only to actors who see and manage every account: the Owner filter and owner pickers. */
  ownerOptions?: readonly OwnerOption[];
  /** My tokens: every row is the viewer's, so no Owner column. */
  showOwner?: boolean;
};

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
/** The actions column stays in view when a narrow screen scrolls the table sideways. */
const STICKY = "sticky right-0";

/** The API tokens list. The URL is the state: every change navigates, and the server sends the new page. */
export function ServiceAccountsTable({ result, params, manageableIds, grantableRoles, ownerOptions, showOwner = true }: ServiceAccountsTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  // Keyed on booleans only: new props after router.refresh() must not remount the cells (see RowActionsContext).
  const withActions = manageableIds.length > 0;
  const columns = useMemo(() => getServiceAccountColumns({ showOwner, withActions }), [showOwner, withActions]);
  const rowActions = useMemo(
    () => ({ manageableIds: new Set(manageableIds), grantableRoles, ownerOptions }),
    [manageableIds, grantableRoles, ownerOptions],
  );
  const { pagination, sorting } = useMemo(
    () => ({
      pagination: { pageIndex: params.page - 1, pageSize: params.pageSize } satisfies PaginationState,
      sorting: [{ id: params.sort, desc: params.dir === "desc" }] satisfies SortingState,
    }),
    [params.page, params.pageSize, params.sort, params.dir],
  );

  const navigate = (next: FindServiceAccountsParams) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && value !== "") query.set(key, String(value));
    }
    startTransition(() => router.push(`${pathname}?${query.toString()}`, { scroll: false }));
  };

  const table = useTable({
    features: serviceAccountFeatures,
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
      navigate({ ...params, page: next.pageIndex + 1, pageSize: next.pageSize });
    },
    onSortingChange: (updater) => {
      const first = functionalUpdate(updater, sorting)[0];
      const sort = SERVICE_ACCOUNT_SORTS.find((s) => s === first?.id);
      if (first && sort) navigate({ ...params, page: 1, sort, dir: first.desc ? "desc" : "asc" });
    },
  });

  const filters: ServiceAccountFilters = { q: params.q, role: params.role, ownerId: params.ownerId, status: params.status };
  const filtered = Object.values(filters).some((value) => value !== undefined);

  return (
    <RowActionsContext value={rowActions}>
      <div className="space-y-4">
        <ServiceAccountsToolbar filters={filters} ownerOptions={ownerOptions} onChange={(next) => navigate({ ...params, ...next, page: 1 })} />
        <div
          aria-busy={isPending}
          className={cn("overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm", isPending && "opacity-60")}
        >
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
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
                        className={cn(
                          "whitespace-nowrap bg-slate-50 px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 first:pl-4",
                          header.column.id === "actions" && STICKY,
                        )}
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
            <tbody className="divide-y divide-slate-100">
              {table.getRowModel().rows.length === 0 ? (
                <tr>
                  <td colSpan={table.getAllLeafColumns().length} className="px-4 py-10 text-center text-slate-500">
                    {filtered ? "No API tokens match." : "No API tokens yet."}
                  </td>
                </tr>
              ) : (
                table.getRowModel().rows.map((row) => (
                  <tr key={row.id} className="group">
                    {row.getAllCells().map((cell) => (
                      <td
                        key={cell.id}
                        className={cn(
                          "whitespace-nowrap bg-white px-3 py-2.5 text-slate-700 group-hover:bg-slate-50 first:pl-4 last:pr-4",
                          cell.column.id === "actions" && STICKY,
                        )}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
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
          noun={["token", "tokens"]}
        />
      </div>
    </RowActionsContext>
  );
}
