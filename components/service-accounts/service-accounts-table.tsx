"use client";
import { useMemo } from "react";
import { DataTable } from "@/components/ui/data-table";
import { useListNavigation } from "@/components/ui/use-list-navigation";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import type { ListResult } from "@/lib/lists/list-params";
import type { ServiceAccountRow } from "@/lib/service-accounts/find-service-accounts";
import { SERVICE_ACCOUNT_SORTS, type FindServiceAccountsParams } from "@/lib/service-accounts/schemas";
import type { OwnerOption } from "@/lib/users/find-owner-options";
import { getServiceAccountColumns, ServiceAccountRowActionsContext } from "./service-account-columns";
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

/** The API tokens list. The URL is the state: every change navigates, and the server sends the new page. */
export function ServiceAccountsTable({ result, params, manageableIds, grantableRoles, ownerOptions, showOwner = true }: ServiceAccountsTableProps) {
  const list = useListNavigation(params);
  // Keyed on booleans only: new props after router.refresh() must not remount the cells (see ServiceAccountRowActionsContext).
  const withActions = manageableIds.length > 0;
  const columns = useMemo(() => getServiceAccountColumns({ showOwner, withActions }), [showOwner, withActions]);
  const rowActions = useMemo(
    () => ({ manageableIds: new Set(manageableIds), grantableRoles, ownerOptions }),
    [manageableIds, grantableRoles, ownerOptions],
  );

  const filters: ServiceAccountFilters = { q: params.q, role: params.role, ownerId: params.ownerId, status: params.status };
  const filtered = Object.values(filters).some((value) => value !== undefined);

  return (
    <ServiceAccountRowActionsContext value={rowActions}>
      <DataTable
        columns={columns}
        result={result}
        list={list}
        sorts={SERVICE_ACCOUNT_SORTS}
        toolbar={<ServiceAccountsToolbar filters={filters} ownerOptions={ownerOptions} onChange={(next) => list.navigate({ ...next, page: 1 })} />}
        emptyMessage={filtered ? "No API tokens match." : "No API tokens yet."}
        noun={["token", "tokens"]}
        stickyActions
      />
    </ServiceAccountRowActionsContext>
  );
}
