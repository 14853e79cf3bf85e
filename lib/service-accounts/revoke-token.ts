import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty, type ServiceAccountActor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { tokensChanged } from "@/lib/tokens/token-events";
import { conflictError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-context";
import { noticeRevokedByOther } from "@/lib/notifications/notify-revoked";
import { assertAccountAccess, type AccountFacts } from "./access";
import { accountTarget } from "./owner";
import type { revokeTokenSchema } from "./schemas";
import { lockToken, syncAccountStatus } from "./token-store";

/** Revokes one token: it is refused from its very next use. */
export function revokeToken({ tokenId }: z.output<typeof revokeTokenSchema>, context: ActionContext) {
  return revoke(tokenId, context, (account) => assertAccountAccess(context.actor, account, { action: "manage", scope: "tokens:write" }));
}

/**
 * A token revoking itself (RFC 7009 through POST /api/v1/revoke): allowed whatever its role, since whoever
 * holds it could stop using it anyway, and a leaked token should be killable by anyone who finds it.
 */
export function revokeOwnToken(context: { actor: ServiceAccountActor; meta: RequestMeta }) {
  return revoke(context.actor.tokenId, context, (account) => assertAccountAccess(context.actor, account, { action: "revoke_self" }));
}

async function revoke(tokenId: string, context: ActionContext, check: AccountCheck) {
  const result = await revokeCommitted(tokenId, context, check);
  await tokensChanged(result.serviceAccountId);
  return { id: result.id };
}

type AccountCheck = (account: AccountFacts | null) => asserts account is AccountFacts;

/**
 * Revokes one token and audits it in one transaction, under the account's lock; an owner whose token someone
 * else revoked is emailed (the notice is written in the same transaction). The caller calls tokensChanged
 * after (once per account, for a bulk revoke).
 */
export async function revokeCommitted(tokenId: string, { actor, meta }: ActionContext, check: AccountCheck) {
  return db.$transaction(async (tx) => {
    // The account first (the one lock order), then the token read again under that lock.
    const token = await lockToken(tx, tokenId);
    check(token?.serviceAccount ?? null);
    if (token!.revokedAt) throw conflictError("This token is already revoked.");
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt, revokedById: actor.id } });
    await syncAccountStatus(tx, token!.serviceAccountId);
    await noticeRevokedByOther(tx, actor, token!);
    await audit(tx, meta, {
      action: "token.revoked",
      actor: actorParty(actor),
      target: accountTarget(token!.serviceAccount),
      metadata: { tokenId, name: token!.name, hint: token!.hint },
    });
    return { id: tokenId, serviceAccountId: token!.serviceAccountId };
  });
}
