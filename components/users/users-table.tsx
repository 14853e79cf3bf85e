"use client";
import { functionalUpdate, useTable, type PaginationState, type SortingState } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import { Pagination } from "@/components/ui/pagination";
import { cn } from "@/lib/cn";
import type { Role } from "@/lib/db/generated/enums";
import { PAGE_SIZES, type ListResult } from "@/lib/lists/list-params";
import type { UserRow } from "@/lib/users/find-users";
import { USER_SORTS, type FindUsersParams } from "@/lib/users/schemas";
import { getUserColumns, userFeatures } from "./user-columns";
import { UsersToolbar, type UserFilters } from "./users-toolbar";

export type UsersTableProps = {
  result: ListResult<UserRow>;
  /** The URL's list state, as the page parsed it (parseSearchParams(findUsersSchema, …)). */
  params: FindUsersParams;
  canManage: boolean;
  grantableRoles: Role[];
  currentUserId: string;
};

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** The users list. The URL is the state: every change navigates, and the server sends the new page. */
export function UsersTable({ result, params, canManage, grantableRoles, currentUserId }: UsersTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  // Keyed on the roles' values, not the array: router.refresh() sends a new array, and new column
  // definitions would remount every row's menu and close an open dialog.
  const rolesKey = grantableRoles.join(",");
  const columns = useMemo(
    () => getUserColumns({ canManage, grantableRoles: rolesKey ? (rolesKey.split(",") as Role[]) : [], currentUserId }),
    [canManage, rolesKey, currentUserId],
  );
  const { pagination, sorting } = useMemo(
    () => ({
      pagination: { pageIndex: params.page - 1, pageSize: params.pageSize } satisfies PaginationState,
      sorting: [{ id: params.sort, desc: params.dir === "desc" }] satisfies SortingState,
    }),
    [params.page, params.pageSize, params.sort, params.dir],
  );

  const navigate = (next: FindUsersParams) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && value !== "") query.set(key, String(value));
    }
    startTransition(() => router.push(`${pathname}?${query.toString()}`, { scroll: false }));
  };

  const table = useTable({
    features: userFeatures,
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
      const sort = USER_SORTS.find((s) => s === first?.id);
      if (first && sort) navigate({ ...params, page: 1, sort, dir: first.desc ? "desc" : "asc" });
    },
  });

  const onFiltersChange = (filters: UserFilters) => navigate({ ...params, ...filters, page: 1 });

  return (
    <div className="space-y-4">
      <UsersToolbar filters={{ q: params.q, role: params.role, status: params.status }} onChange={onFiltersChange} />
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
                      className="px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
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
                  No users match.
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="whitespace-nowrap px-4 py-2.5 text-slate-700">
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
        noun={["user", "users"]}
      />
    </div>
  );
}
