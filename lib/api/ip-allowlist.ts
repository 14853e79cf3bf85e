import { actorParty, type ServiceAccountActor } from "@/lib/auth/actor";
import { recordRefusal } from "@/lib/audit/refusals";
import type { RequestMeta } from "@/lib/http/request-context";

/**
 * How a request whose token may not be used from the caller's address (token.allowedIps, lib/validation/cidr.ts)
 * is recorded: a `token.ip_denied` aggregate keyed by the token and the route. It is answered by the same code
 * as an invalid token (lib/api/route.ts refuseUnauthenticated), so body, headers and the per-address failure
 * limit are the same: past that limit both turn into 429 alike, and the answer never tells a stolen token used
 * from elsewhere apart from a wrong one.
 */
export function recordIpDenied(route: { method: string; path: string }, meta: RequestMeta, actor: ServiceAccountActor, status: number) {
  recordRefusal({
    action: "token.ip_denied",
    who: `token:${actor.tokenId}`,
    reason: "ip_denied",
    subject: `${route.method} ${route.path}`,
    actor: actorParty(actor),
    status,
    meta,
    details: { method: route.method, path: route.path },
  });
}
