import { SSO_ROLES, type RoleMapping, type SsoRole } from "@/lib/config/sso-env";

/** The claim's value: at `name` itself, else along its dotted path (Keycloak's realm_access.roles). */
export function claimValue(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  return name.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), claims);
}

/** The groups a claim names: a list of strings, or one string. Anything else names none. */
export function claimGroups(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/**
 * The role the identity provider's groups give: of the mapped roles the person's groups reach, the first in the
 * permission map's role order (highest first), whatever order the map or the claim lists them in; VIEWER when none.
 */
export function roleFromGroups(groups: readonly string[], roleMap: readonly RoleMapping[]): SsoRole {
  const held = new Set(groups);
  const reached = new Set(roleMap.filter((mapping) => held.has(mapping.group)).map((mapping) => mapping.role));
  return SSO_ROLES.find((role) => reached.has(role)) ?? "VIEWER";
}
