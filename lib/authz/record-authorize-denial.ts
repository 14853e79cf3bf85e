import type { AuthenticatedToken } from "@/lib/api/authenticate-token";
import { actorParty, type ServiceAccountActor } from "@/lib/auth/actor";
import { recordRefusal } from "@/lib/audit/refusals";
import type { RequestMeta } from "@/lib/http/request-context";
import type { AuthorizeDecision, AuthorizeQuery } from "./decide-authorization";

/**
 * A "no" from POST /api/v1/authorize, audited as an aggregate (lib/audit/refusals.ts: one event per key and
 * window, never a write per request), keyed by the token asked about and the reason. An inactive token has no
 * account to name, so it is keyed by the asking token. The actor is the account denied; the caller is in the
 * details.
 */
export function recordAuthorizeDenial(decision: AuthorizeDecision, found: AuthenticatedToken | null, query: AuthorizeQuery, caller: ServiceAccountActor, meta: RequestMeta) {
  recordRefusal({
    action: "token.authorize_denied",
    who: found ? `token:${found.token.id}` : `caller:${caller.tokenId}`,
    reason: decision.reason,
    subject: "POST /api/v1/authorize",
    actor: actorParty(found?.actor ?? caller),
    meta,
    details: {
      callerId: caller.id,
      callerName: caller.name,
      scope: query.scopes?.join(" ") ?? null,
      resource: query.resource ? `${query.resource.type}/${query.resource.identifier}#${query.resource.privilege}` : null,
      clientIp: query.clientIp ?? null,
    },
  });
}
