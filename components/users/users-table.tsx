"use client";
import { useMemo } from "react";
import { DataTable } from "@/components/ui/data-table";
import { useListNavigation } from "@/components/ui/use-list-navigation";
import type { Role } from "@/lib/db/generated/enums";
import type { ListResult } from "@/lib/lists/list-params";
import type { UserRow } from "@/lib/users/find-users";
import { USER_SORTS, type FindUsersParams } from "@/lib/users/schemas";
import { getUserColumns, UserRowActionsContext } from "./user-columns";
import { UsersToolbar } from "./users-toolbar";

export type UsersTableProps = {
  result: ListResult<UserRow>;
  /** The URL's list state, as the page parsed it (parseSearchParams(findUsersSchema, …)). */
  params: FindUsersParams;
  canManage: boolean;
  grantableRoles: Role[];
  currentUserId: string;
};

/** The users list. The URL is the state: every change navigates, and the server sends the new page. */
export function UsersTable({ result, params, canManage, grantableRoles, currentUserId }: UsersTableProps) {
  const list = useListNavigation(params);
  // Keyed on a boolean only: new props after router.refresh() must not remount the cells (see UserRowActionsContext).
  const columns = useMemo(() => getUserColumns({ canManage }), [canManage]);
  const rowActions = useMemo(() => ({ grantableRoles, currentUserId }), [grantableRoles, currentUserId]);

  return (
    <UserRowActionsContext value={rowActions}>
      <DataTable
        columns={columns}
        result={result}
        list={list}
        sorts={USER_SORTS}
        toolbar={
          <UsersToolbar
            filters={{ q: params.q, role: params.role, status: params.status }}
            onChange={(filters) => list.navigate({ ...filters, page: 1 })}
          />
        }
        emptyMessage="No users match."
        noun={["user", "users"]}
      />
    </UserRowActionsContext>
  );
}
