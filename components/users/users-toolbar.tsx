"use client";
import type { FilterOption } from "@/components/ui/filter-select";
import { ListToolbar, type ListFilter } from "@/components/ui/list-toolbar";
import { HUMAN_ROLES, ROLE_LABELS } from "@/lib/auth/permissions";
import type { FindUsersParams } from "@/lib/users/schemas";

export type UserFilters = Pick<FindUsersParams, "q" | "role" | "status">;

const SEARCH = { id: "users-search", label: "Search users", placeholder: "Search by name or email" };
const ROLE_OPTIONS = HUMAN_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const STATUS_OPTIONS: readonly FilterOption<NonNullable<UserFilters["status"]>>[] = [
  { value: "ACTIVE", label: "Active" },
  { value: "DISABLED", label: "Disabled" },
];
const FILTERS: readonly ListFilter<Omit<UserFilters, "q">>[] = [
  { key: "role", id: "users-role-filter", label: "Role filter", allLabel: "All roles", options: ROLE_OPTIONS },
  { key: "status", id: "users-status-filter", label: "Status filter", allLabel: "All statuses", options: STATUS_OPTIONS },
];

/** Search and filters for the users list. It only reports changes; the table turns them into the URL. */
export function UsersToolbar({ filters, onChange }: { filters: UserFilters; onChange: (changes: Partial<UserFilters>) => void }) {
  return <ListToolbar search={SEARCH} filters={FILTERS} values={filters} onChange={onChange} />;
}
