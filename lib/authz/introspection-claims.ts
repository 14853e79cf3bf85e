import type { AuthenticatedToken } from "@/lib/api/authenticate-token";
import { effectiveScopes } from "@/lib/auth/scopes";

/** One RFC 9396 authorization details object: a privilege (the granted role) on one resource of a type. */
export type AuthorizationDetail = { type: string; identifier: string; privileges: string[] };

/**
 * What introspection adds for an active token: `scope` (RFC 7662 §2.2, space-separated; left out when the token
 * has none, as RFC 6749 §3.3 has no empty scope) and `authorization_details` (RFC 9396 §9.2: the account's
 * resource grants, one object per resource).
 */
export function introspectionClaims({ actor, grants }: AuthenticatedToken): { scope?: string; authorization_details: AuthorizationDetail[] } {
  const scopes = effectiveScopes(actor.role, actor.scopes);
  return {
    ...(scopes.length ? { scope: scopes.join(" ") } : {}),
    authorization_details: grants.map((grant) => ({ type: grant.type, identifier: grant.resource, privileges: [grant.role] })),
  };
}
