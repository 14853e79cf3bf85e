// The one permission map. Pages, server actions and route handlers ask it through lib/auth/guard.ts;
// client components may read it to disable what the server would refuse anyway.
import type { Role, ServiceAccountRole } from "@/lib/db/generated/enums";

/** Humans hold a Role; service accounts a ServiceAccountRole (which adds INTROSPECTOR). */
export type AnyRole = Role | ServiceAccountRole;

export const HUMAN_ROLES = ["OWNER", "ADMIN", "CONTRIBUTOR", "VIEWER", "AUDITOR"] as const satisfies readonly Role[];
export const SERVICE_ACCOUNT_ROLES = ["ADMIN", "CONTRIBUTOR", "VIEWER", "AUDITOR", "INTROSPECTOR"] as const satisfies readonly ServiceAccountRole[];

export const PERMISSIONS = [
  "users.read",
  "users.manage",
  "service_accounts.read_own",
  "service_accounts.read_all",
  "service_accounts.create",
  "service_accounts.manage_own",
  "service_accounts.manage_all",
  "audit.read",
  "audit.write",
  "tokens.introspect",
  "settings.manage",
  // Custom scopes, resource types, resources and service accounts' resource grants (Admin → Scopes, Resources).
  "access.manage",
  // One's own email notice preferences (the Notifications page): every signed-in person.
  "notifications.manage_own",
  // Admin → Settings → Email notifications → Send test email (to oneself).
  "notifications.send_test",
  // Webhook endpoints (Admin → Webhooks): where Keyhold sends signed events about accounts, tokens and the policy.
  "webhooks.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const readOnly = ["users.read", "service_accounts.read_own", "service_accounts.read_all", "audit.read", "notifications.manage_own"] as const;
const contributor = ["service_accounts.read_own", "service_accounts.create", "service_accounts.manage_own", "notifications.manage_own"] as const;

export const ROLE_PERMISSIONS: Record<AnyRole, readonly Permission[]> = {
  OWNER: PERMISSIONS,
  ADMIN: PERMISSIONS.filter((p) => p !== "settings.manage"),
  CONTRIBUTOR: contributor,
  VIEWER: ["service_accounts.read_own", "notifications.manage_own"],
  AUDITOR: readOnly,
  // May only ask whether a token is valid or may do something (introspect, authorize), and report what tokens did
  // in the service that asks (POST /api/v1/audit-events).
  INTROSPECTOR: ["tokens.introspect", "audit.write"],
};

export const ROLE_LABELS: Record<AnyRole, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  CONTRIBUTOR: "Contributor",
  VIEWER: "Viewer",
  AUDITOR: "Auditor",
  INTROSPECTOR: "Introspector",
};

export function hasPermission(role: AnyRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** A role may be granted only by someone who holds every permission of it (so only an OWNER grants OWNER). */
export function canGrantRole(granter: AnyRole, role: AnyRole): boolean {
  return ROLE_PERMISSIONS[role].every((permission) => hasPermission(granter, permission));
}

export function grantableRoles<R extends AnyRole = Role>(granter: AnyRole, roles: readonly R[] = HUMAN_ROLES as readonly AnyRole[] as readonly R[]): R[] {
  return roles.filter((role) => canGrantRole(granter, role));
}
