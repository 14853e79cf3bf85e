"use client";
import { usePathname } from "next/navigation";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { useListNavigation } from "@/components/ui/use-list-navigation";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import type { ListResult } from "@/lib/lists/list-params";
import { listQuery } from "@/lib/lists/list-query";
import { findTokenHintAction } from "@/lib/service-accounts/actions";
import type { ServiceAccountRow } from "@/lib/service-accounts/find-service-accounts";
import { SERVICE_ACCOUNT_SORTS } from "@/lib/service-accounts/list-sorts";
import type { FindServiceAccountsParams } from "@/lib/service-accounts/schemas";
import { FULL_TOKEN_SHAPE } from "@/lib/tokens/token-shape";
import type { OwnerOption } from "@/lib/users/find-owner-options";
import { getServiceAccountColumns, ListQueryContext, ServiceAccountRowActionsContext } from "./service-account-columns";
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

/** The service accounts list. The URL is the state: every change navigates, and the server sends the new page. */
export function ServiceAccountsTable({ result, params, manageableIds, grantableRoles, ownerOptions, showOwner = true }: ServiceAccountsTableProps) {
  const list = useListNavigation(params);
  const pathname = usePathname();
  // Keyed on booleans only: new props after router.refresh() must not remount the cells (see ServiceAccountRowActionsContext).
  const withActions = manageableIds.length > 0;
  const columns = useMemo(() => getServiceAccountColumns({ showOwner, withActions }), [showOwner, withActions]);
  const rowActions = useMemo(
    () => ({ manageableIds: new Set(manageableIds), grantableRoles, ownerOptions }),
    [manageableIds, grantableRoles, ownerOptions],
  );
  const query = listQuery(params);
  const from = query ? `${pathname}?${query}` : pathname;
  const { searchKey, searchError, search } = useTokenSearch((changes) => list.navigate({ ...changes, page: 1 }));

  const filters: ServiceAccountFilters = { q: params.q, role: params.role, ownerId: params.ownerId, status: params.status };
  const filtered = Object.values(filters).some((value) => value !== undefined);

  return (
    <ServiceAccountRowActionsContext value={rowActions}>
      <ListQueryContext value={from}>
        <DataTable
          columns={columns}
          result={result}
          list={list}
          sorts={SERVICE_ACCOUNT_SORTS}
          toolbar={
            <div className="space-y-1">
              <ServiceAccountsToolbar key={searchKey} filters={filters} ownerOptions={ownerOptions} onChange={search} />
              {searchError ? (
                <p role="status" className="text-sm text-red-700">
                  {searchError}
                </p>
              ) : null}
            </div>
          }
          emptyMessage={filtered ? "No service accounts match." : "No service accounts yet."}
          noun={["service account", "service accounts"]}
          stickyActions
        />
      </ListQueryContext>
    </ServiceAccountRowActionsContext>
  );
}

/**
 * A pasted full token is never put in the URL (history, logs, a shared link): the server looks it up by hash
 * and answers its hint, which the list then searches by; the box is reset to show the hint.
 */
function useTokenSearch(navigate: (changes: Partial<ServiceAccountFilters>) => void) {
  const [searchKey, setSearchKey] = useState(0);
  const [searchError, setSearchError] = useState<string | null>(null);
  const search = (changes: Partial<ServiceAccountFilters>) => {
    setSearchError(null);
    const q = changes.q;
    if (!q || !FULL_TOKEN_SHAPE.test(q)) return navigate(changes);
    void findTokenHintAction({ token: q }).then((answer) => {
      setSearchKey((key) => key + 1); // the box forgets the token and follows the URL
      if (answer.ok) navigate({ ...changes, q: answer.data.hint });
      else setSearchError(answer.error.code === "not_found" ? "No service account you can see has this token." : answer.error.message);
    });
  };
  return { searchKey, searchError, search };
}
