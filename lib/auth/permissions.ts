// The one permission map. Pages, server actions and route handlers ask it through lib/auth/guard.ts;
// client components may read it to disable what the server would refuse anyway.
import type { Role } from "@/lib/db/generated/enums";

export const HUMAN_ROLES = ["OWNER", "ADMIN", "CONTRIBUTOR", "VIEWER", "AUDITOR"] as const satisfies readonly Role[];

export const PERMISSIONS = [
  "users.read",
  "users.manage",
  "service_accounts.read_own",
  "service_accounts.read_all",
  "service_accounts.create",
  "service_accounts.manage_own",
  "service_accounts.manage_all",
  "audit.read",
  "settings.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const readOnly = ["users.read", "service_accounts.read_own", "service_accounts.read_all", "audit.read"] as const;
const contributor = ["service_accounts.read_own", "service_accounts.create", "service_accounts.manage_own"] as const;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  OWNER: PERMISSIONS,
  ADMIN: PERMISSIONS.filter((p) => p !== "settings.manage"),
  CONTRIBUTOR: contributor,
  VIEWER: ["service_accounts.read_own"],
  AUDITOR: readOnly,
};

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  CONTRIBUTOR: "Contributor",
  VIEWER: "Viewer",
  AUDITOR: "Auditor",
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** A role may be granted only by someone who holds every permission of it (so only an OWNER grants OWNER). */
export function canGrantRole(granter: Role, role: Role): boolean {
  return ROLE_PERMISSIONS[role].every((permission) => hasPermission(granter, permission));
}

export function grantableRoles(granter: Role, roles: readonly Role[] = HUMAN_ROLES): Role[] {
  return roles.filter((role) => canGrantRole(granter, role));
}
