// Built-in scopes (Utho): what a token may do with Keyhold's own API, within its account's role. A token with
// full access may do everything its role allows; a token with scopes, only what both its role and one of its
// scopes allow (role ∩ scopes). Custom scopes (Admin → Scopes, the Scope table) mean nothing to Keyhold itself:
// other services ask about them through introspection and POST /api/v1/authorize.
import type { Actor } from "./actor";
import { hasPermission, type AnyRole, type Permission } from "./permissions";

/** What a scope's name may be, built-in or custom (an RFC 6749 scope token): lower-case, digits, and `:` `.` `_` `-` inside. */
export const SCOPE_NAME = /^[a-z0-9][a-z0-9_.:-]{0,63}$/;
export const SCOPE_NAME_RULE = "Use lower-case letters, digits, ':', '.', '_' and '-' (e.g. deploy:write)";

export const BUILT_IN_SCOPES = [
  "service_accounts:read",
  "service_accounts:write",
  "tokens:write",
  "users:read",
  "audit:read",
  "audit:write",
  "tokens:introspect",
  "webhooks:manage",
] as const;
export type BuiltInScope = (typeof BUILT_IN_SCOPES)[number];

export const BUILT_IN_SCOPE_DESCRIPTIONS: Record<BuiltInScope, string> = {
  "service_accounts:read": "List and read service accounts",
  "service_accounts:write": "Create, update and delete service accounts, and their grants",
  "tokens:write": "Add, rotate, update and revoke tokens",
  "users:read": "List users",
  "audit:read": "Read and export the audit log",
  "audit:write": "Report what tokens did in other services to the audit log",
  "tokens:introspect": "Introspect tokens and ask whether a token may do something",
  "webhooks:manage": "List, add, test and delete webhook endpoints",
};

/**
 * The scope an operation guarded by a permission needs. Token operations are guarded by
 * service_accounts.manage_own like account changes, and say `tokens:write` themselves.
 */
export const PERMISSION_SCOPES: Record<Permission, BuiltInScope | null> = {
  "users.read": "users:read",
  "users.manage": null, // no token role holds it
  "service_accounts.read_own": "service_accounts:read",
  "service_accounts.read_all": "service_accounts:read",
  "service_accounts.create": "service_accounts:write",
  "service_accounts.manage_own": "service_accounts:write",
  "service_accounts.manage_all": "service_accounts:write",
  "audit.read": "audit:read",
  "audit.write": "audit:write",
  "tokens.introspect": "tokens:introspect",
  "settings.manage": null, // no token role holds it
  // The catalog (custom scopes, resource types, resources) and grants decide what tokens carry to other services:
  // writing it is writing access configuration, like service_accounts:write (whose description names grants).
  "access.manage": "service_accounts:write",
  // A person's own email settings: console only (the actions refuse tokens).
  "notifications.manage_own": null,
  "notifications.send_test": null,
  "webhooks.manage": "webhooks:manage",
};

/** The built-in scopes a role's permissions reach: what "Full access" means for an account of that role. */
export function roleScopes(role: AnyRole): BuiltInScope[] {
  const held = new Set<BuiltInScope>();
  for (const [permission, scope] of Object.entries(PERMISSION_SCOPES) as [Permission, BuiltInScope | null][]) {
    if (scope && hasPermission(role, permission)) held.add(scope);
  }
  if (hasPermission(role, "service_accounts.manage_own")) held.add("tokens:write");
  return BUILT_IN_SCOPES.filter((scope) => held.has(scope));
}

export const isBuiltInScope = (scope: string): scope is BuiltInScope => (BUILT_IN_SCOPES as readonly string[]).includes(scope);

/** Whether the actor's token (if it is one) carries the scope; people and full-access tokens carry every scope. */
export function holdsScope(actor: Actor, scope: BuiltInScope | null): boolean {
  if (!scope || actor.type === "USER" || actor.scopes === null) return true;
  return actor.scopes.includes(scope);
}

/** The scopes a token effectively has, as introspection reports them (full access: the role's built-in scopes). */
export function effectiveScopes(role: AnyRole, scopes: readonly string[] | null): string[] {
  if (scopes === null) return roleScopes(role);
  const reachable = new Set<string>(roleScopes(role));
  return scopes.filter((scope) => !isBuiltInScope(scope) || reachable.has(scope));
}
