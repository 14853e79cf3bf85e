"use client";
import { useMemo } from "react";
import { ListToolbar, type ListFilter } from "@/components/ui/list-toolbar";
import { ROLE_LABELS, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import type { FindServiceAccountsParams } from "@/lib/service-accounts/schemas";
import { TOKEN_STATUS_LABELS, TOKEN_STATUSES } from "@/lib/tokens/token-status";
import type { OwnerOption } from "@/lib/users/find-owner-options";

export type ServiceAccountFilters = Pick<FindServiceAccountsParams, "q" | "role" | "ownerId" | "status">;
type Filter = ListFilter<Omit<ServiceAccountFilters, "q">>;

const SEARCH = { id: "tokens-search", label: "Search service accounts", placeholder: "Name, description or token" };
const ROLE_OPTIONS = SERVICE_ACCOUNT_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const STATUS_OPTIONS = TOKEN_STATUSES.map((status) => ({ value: status, label: TOKEN_STATUS_LABELS[status] }));
const ROLE_FILTER: Filter = { key: "role", id: "tokens-role-filter", label: "Role filter", allLabel: "All roles", options: ROLE_OPTIONS };
const STATUS_FILTER: Filter = { key: "status", id: "tokens-status-filter", label: "Status filter", allLabel: "All statuses", options: STATUS_OPTIONS };

/** Search and filters for the tokens list. It only reports changes; the table turns them into the URL. */
export function ServiceAccountsToolbar({
  filters,
  ownerOptions,
  onChange,
}: {
  filters: ServiceAccountFilters;
  /** The Owner filter shows only when given (actors who see everyone's tokens). */
  ownerOptions?: readonly OwnerOption[];
  onChange: (changes: Partial<ServiceAccountFilters>) => void;
}) {
  const shown = useMemo((): Filter[] => {
    if (!ownerOptions) return [ROLE_FILTER, STATUS_FILTER];
    const options = ownerOptions.map((owner) => ({ value: owner.id, label: owner.name }));
    const owner: Filter = { key: "ownerId", id: "tokens-owner-filter", label: "Owner filter", allLabel: "All owners", options, className: "max-w-56" };
    return [ROLE_FILTER, owner, STATUS_FILTER];
  }, [ownerOptions]);

  return <ListToolbar search={SEARCH} filters={shown} values={filters} onChange={onChange} />;
}
