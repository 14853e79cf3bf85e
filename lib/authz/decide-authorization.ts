import type { AuthenticatedToken } from "@/lib/api/authenticate-token";
import { effectiveScopes } from "@/lib/auth/scopes";
import { ipAllowed } from "@/lib/validation/cidr";

// "May this token do this, here, from there?" (POST /api/v1/authorize): a pure decision over facts already
// loaded (the cached token lookup), so the answer costs no query and the matrix tests run in milliseconds.

export const AUTHORIZE_REASONS = ["ok", "inactive", "ip_denied", "scope_missing", "no_grant"] as const;
export type AuthorizeReason = (typeof AUTHORIZE_REASONS)[number];

export type AuthorizeQuery = {
  /** Scopes the token must all carry (space-separated in the request, like OAuth's scope parameter). */
  scopes?: readonly string[];
  resource?: { type: string; identifier: string; privilege: string };
  /** The address the asking service saw the token come from. */
  clientIp?: string;
};

export type AuthorizeDecision = { allowed: boolean; reason: AuthorizeReason; subject: string | null };

/**
 * In order: inactive → ip_denied → scope_missing → no_grant → ok. A grant of a role satisfies every role
 * listed before it in the type's ordered roles (owner ⊇ developer ⊇ viewer). A privilege the type does not
 * have, or a type the account holds nothing of (unknown types included), is no_grant: the answer depends only
 * on the token's own facts, so it never reveals the catalogue and a misspelt type fails closed.
 */
export function decideAuthorization(found: AuthenticatedToken | null, query: AuthorizeQuery): AuthorizeDecision {
  if (!found) return { allowed: false, reason: "inactive", subject: null };
  const deny = (reason: AuthorizeReason): AuthorizeDecision => ({ allowed: false, reason, subject: found.actor.id });
  if (query.clientIp !== undefined && !ipAllowed(query.clientIp, found.token.allowedIps)) return deny("ip_denied");
  if (query.scopes?.length) {
    const held = new Set(effectiveScopes(found.actor.role, found.actor.scopes));
    if (!query.scopes.every((scope) => held.has(scope))) return deny("scope_missing");
  }
  if (query.resource && !grantSatisfies(found.grants, query.resource)) return deny("no_grant");
  return { allowed: true, reason: "ok", subject: found.actor.id };
}

function grantSatisfies(grants: AuthenticatedToken["grants"], wanted: NonNullable<AuthorizeQuery["resource"]>): boolean {
  const grant = grants.find((g) => g.type === wanted.type && g.resource === wanted.identifier);
  if (!grant) return false;
  const needed = grant.typeRoles.indexOf(wanted.privilege);
  return needed >= 0 && grant.typeRoles.indexOf(grant.role) >= needed;
}
