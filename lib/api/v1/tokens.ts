import { runAction } from "@/lib/actions/run-action";
import { internalError } from "@/lib/api/api-error";
import { json, type ApiReply } from "@/lib/api/api-reply";
import { authenticateToken, authenticateTokenNow, type AuthenticatedToken } from "@/lib/api/authenticate-token";
import { andThen, type MaybePromise } from "@/lib/api/maybe-promise";
import type { ApiContext } from "@/lib/api/route";
import { introspectionClaims } from "@/lib/authz/introspection-claims";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import { serviceAccountActions } from "@/lib/service-accounts/action-definitions";
import { revokeOwnToken } from "@/lib/service-accounts/revoke-token";
import { ipAllowed } from "@/lib/validation/cidr";

// RFC 7662 introspection and RFC 7009 revocation, as OAuth libraries (oauth4webapi, openid-client) call them.

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * RFC 7662 §2.2: the standard names; anything not active is `{ active: false }` and nothing else. A token used
 * from outside its allowed ranges (client_ip: the address the calling service saw) is not active.
 */
export function introspect({ token: value, client_ip }: { token: string; client_ip?: string }): MaybePromise<ApiReply> {
  return andThen(authenticateTokenNow(value), (found) => introspection(found, client_ip));
}

function introspection(found: AuthenticatedToken | null, clientIp: string | undefined): ApiReply {
  if (!found || (clientIp !== undefined && !ipAllowed(clientIp, found.token.allowedIps))) return json({ active: false });
  const { actor, token } = found;
  const iat = seconds(token.createdAt);
  return json({
    active: true,
    ...introspectionClaims(found),
    client_id: actor.id,
    username: actor.name,
    token_type: "Bearer",
    iat,
    nbf: iat,
    ...(token.expiresAt ? { exp: seconds(token.expiresAt) } : {}),
    sub: actor.id,
    iss: env().KEYHOLD_PUBLIC_URL,
    jti: token.id,
    role: actor.role,
  });
}

/**
 * RFC 7009: 200 whether or not anything was revoked, so the answer says nothing about a token (§2.2). A token
 * may revoke itself; any other token goes through the one access rule (runAction: an ADMIN token may revoke
 * any, a CONTRIBUTOR its owner's), and a refusal is recorded as an action.refused aggregate but answered alike.
 */
export async function revokeByValue({ actor, token, meta }: ApiContext, value: string): Promise<ApiReply> {
  const target = await authenticateToken(value);
  // Unknown, malformed, expired or already revoked: nothing left to do.
  if (!target) return json({});
  if (target.token.id === token.id) {
    try {
      await revokeOwnToken({ actor, meta });
    } catch (error) {
      // Revoked meanwhile by another request: the outcome the caller asked for.
      if (!(error instanceof AppError)) throw error;
    }
    return json({});
  }
  const result = await runAction(serviceAccountActions.revoke, { tokenId: target.token.id }, actor, meta);
  if (!result.ok && result.error.code === "internal") return internalError(meta.requestId);
  return json({});
}
