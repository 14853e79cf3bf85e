import { hasPermission, SERVICE_ACCOUNT_ROLES, type Permission } from "@/lib/auth/permissions";
import { PERMISSION_SCOPES, type BuiltInScope } from "@/lib/auth/scopes";
import type { ApiRoute } from "@/lib/api/route";

// What an operation demands of the calling token, as the route table defines it (lib/api/route.ts apiRoute) and
// the one guard checks it (lib/auth/authorize.ts): the document states it as extensions and in words, so a
// reader and a generator see the same rule the server applies.

export type OperationAccess = {
  "x-keyhold-permission": Permission | null;
  /** The scope a token with scopes must carry: the route's own, else its permission's (lib/auth/scopes.ts). */
  "x-keyhold-scope": BuiltInScope | null;
  /** The service-account roles whose tokens may call it. */
  "x-keyhold-roles": string[];
};

export function operationAccess(route: Pick<ApiRoute, "permission" | "scope">): OperationAccess {
  const { permission } = route;
  return {
    "x-keyhold-permission": permission,
    "x-keyhold-scope": route.scope ?? (permission ? PERMISSION_SCOPES[permission] : null),
    "x-keyhold-roles": SERVICE_ACCOUNT_ROLES.filter((role) => !permission || hasPermission(role, permission)),
  };
}

/** The same, in a sentence appended to the operation's description. */
export function describeAccess(access: OperationAccess): string {
  const permission = access["x-keyhold-permission"];
  const scope = access["x-keyhold-scope"];
  const who = permission
    ? `Requires the permission \`${permission}\` (token roles: ${access["x-keyhold-roles"].join(", ")})`
    : "Any valid token may call it (no permission required)";
  return `${who}; ${scope ? `a token with scopes needs the scope \`${scope}\`` : "no scope required"}.`;
}
