import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { tokensChanged } from "@/lib/tokens/token-events";
import { conflictError } from "@/lib/errors";
import { assertAccountAccess } from "./access";
import { lockAccount } from "./lock-account";
import { accountTarget } from "./owner";
import type { revokeTokenSchema } from "./schemas";

/** Revokes one token: it is refused from its very next use. */
export async function revokeToken({ tokenId }: z.output<typeof revokeTokenSchema>, { actor, meta }: ActionContext) {
  const result = await db.$transaction(async (tx) => {
    // The account first (the one lock order), then the token read again under that lock.
    const owning = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { serviceAccountId: true } });
    if (owning) await lockAccount(tx, owning.serviceAccountId);
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, include: { serviceAccount: true } });
    assertAccountAccess(actor, token?.serviceAccount ?? null, { action: "manage" });
    if (token!.revokedAt) throw conflictError("This token is already revoked.");
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt, revokedById: actor.id } });
    if (!token!.replacedById) await tx.serviceAccount.update({ where: { id: token!.serviceAccountId }, data: { tokenRevokedAt: revokedAt } });
    await audit(tx, meta, {
      action: "token.revoked",
      actor: actorParty(actor),
      target: accountTarget(token!.serviceAccount),
      metadata: { tokenId, hint: token!.hint },
    });
    return { id: tokenId, serviceAccountId: token!.serviceAccountId };
  });
  tokensChanged(result.serviceAccountId);
  return { id: result.id };
}
