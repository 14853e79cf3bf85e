"use client";
import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";
import type { UserRow } from "@/lib/users/find-users";
import { UserRowActions } from "./user-row-actions";

// Module scope keeps the reference stable. Manual (server-side) paging and sorting: no row-model slots.
export const userFeatures = tableFeatures({ rowPaginationFeature, rowSortingFeature });
export type UserFeatures = typeof userFeatures;

export type UserColumnOptions = {
  canManage: boolean;
  grantableRoles: readonly Role[];
  /** The signed-in user: their own row gets no actions (the server refuses them anyway). */
  currentUserId: string;
};

const col = createColumnHelper<UserFeatures, UserRow>();

/** Column ids equal the server's USER_SORTS, so a header click maps straight onto `?sort=`. */
export function getUserColumns({ canManage, grantableRoles, currentUserId }: UserColumnOptions) {
  return col.columns([
    col.accessor("name", { header: "Name", cell: (info) => <span className="font-medium text-slate-900">{info.getValue()}</span> }),
    col.accessor("email", { header: "Email" }),
    col.accessor("role", { header: "Role", cell: (info) => <Badge tone="indigo">{ROLE_LABELS[info.getValue()]}</Badge> }),
    col.accessor("status", {
      header: "Status",
      cell: (info) => (info.getValue() === "ACTIVE" ? <Badge tone="green">Active</Badge> : <Badge tone="red">Disabled</Badge>),
    }),
    col.accessor("createdAt", { header: "Created", sortDescFirst: true, cell: (info) => <LocalTime iso={info.getValue()} /> }),
    col.accessor("lastSignInAt", {
      header: "Last sign-in",
      sortDescFirst: true,
      cell: (info) => {
        const iso = info.getValue();
        return iso ? <LocalTime iso={iso} /> : <span className="text-slate-400">Never</span>;
      },
    }),
    ...(canManage
      ? [
          col.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: ({ row }) =>
              <UserRowActions user={row.original} grantableRoles={grantableRoles} isSelf={row.original.id === currentUserId} />,
          }),
        ]
      : []),
  ]);
}
