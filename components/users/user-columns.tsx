"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { createContext, use } from "react";
import { Badge } from "@/components/ui/badge";
import type { DataTableFeatures } from "@/components/ui/data-table";
import { TruncatedText } from "@/components/ui/focus-tip";
import { LocalTime, RelativeTime } from "@/components/ui/local-time";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";
import type { UserRow } from "@/lib/users/find-users";
import { UserRowActions } from "./user-row-actions";

export type UserColumnOptions = {
  /** False: no actions column at all. */
  canManage: boolean;
};

/**
 * What the actions cells need, passed by context rather than baked into the columns: column definitions
 * stay the same across router.refresh() (which sends a new roles array), so the cells (and any dialog open
 * in them) are not remounted.
 */
export type UserRowActionsContextValue = {
  grantableRoles: readonly Role[];
  /** The signed-in user: their own row gets no Disable/Enable (the server refuses them anyway). */
  currentUserId: string;
};
export const UserRowActionsContext = createContext<UserRowActionsContextValue>({ grantableRoles: [], currentUserId: "" });

const col = createColumnHelper<DataTableFeatures, UserRow>();

/** Column ids equal the server's USER_SORTS, so a header click maps straight onto `?sort=`. */
export function getUserColumns({ canManage }: UserColumnOptions) {
  return col.columns([
    col.accessor("name", {
      header: "Name",
      meta: { card: "title" },
      cell: (info) => <TruncatedText text={info.getValue()} className="max-w-[14rem] font-medium text-slate-900 max-sm:max-w-full" />,
    }),
    col.accessor("email", { header: "Email", cell: (info) => <TruncatedText text={info.getValue()} className="max-w-[16rem] max-sm:max-w-full" /> }),
    col.accessor("role", { header: "Role", cell: (info) => <Badge tone="indigo">{ROLE_LABELS[info.getValue()]}</Badge> }),
    col.accessor("status", {
      header: "Status",
      cell: (info) => (info.getValue() === "ACTIVE" ? <Badge tone="green">Active</Badge> : <Badge tone="red">Disabled</Badge>),
    }),
    col.accessor("createdAt", { header: "Created", sortDescFirst: true, meta: { card: "detail" }, cell: (info) => <LocalTime iso={info.getValue()} dateOnly /> }),
    col.accessor("lastSignInAt", {
      header: "Last sign-in",
      sortDescFirst: true,
      cell: (info) => {
        const iso = info.getValue();
        return iso ? <RelativeTime iso={iso} /> : <span className="text-slate-500">Never</span>;
      },
    }),
    ...(canManage
      ? [
          col.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            meta: { card: "actions" },
            cell: ({ row }) => <ActionsCell user={row.original} />,
          }),
        ]
      : []),
  ]);
}

function ActionsCell({ user }: { user: UserRow }) {
  const { grantableRoles, currentUserId } = use(UserRowActionsContext);
  return <UserRowActions user={user} grantableRoles={grantableRoles} isSelf={user.id === currentUserId} />;
}
