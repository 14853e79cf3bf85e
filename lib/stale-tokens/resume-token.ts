import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { conflictError } from "@/lib/errors";
import { assertAccountAccess } from "@/lib/service-accounts/access";
import { accountTarget } from "@/lib/service-accounts/owner";
import { lockToken } from "@/lib/service-accounts/token-store";
import { tokensChanged } from "@/lib/tokens/token-events";
import type { resumeTokenSchema } from "./resume-token-schema";

/**
 * Resume a token the stale-token policy suspended: whoever may manage its account (the one access rule, as for
 * revoking). Its resume counts as activity, so the policy gives it its full days again.
 */
export async function resumeToken({ tokenId }: z.output<typeof resumeTokenSchema>, { actor, meta }: ActionContext) {
  const resumed = await db.$transaction(async (tx) => {
    const token = await lockToken(tx, tokenId);
    assertAccountAccess(actor, token?.serviceAccount ?? null, { action: "manage", scope: "tokens:write" });
    if (token!.revokedAt) throw conflictError("This token is revoked: it cannot be resumed.");
    if (!token!.suspendedAt) throw conflictError("This token is not suspended.");
    const resumedAt = new Date();
    await tx.apiToken.update({ where: { id: tokenId }, data: { suspendedAt: null, resumedAt } });
    await audit(tx, meta, {
      action: "token.resumed",
      actor: actorParty(actor),
      target: accountTarget(token!.serviceAccount),
      metadata: { tokenId, name: token!.name, hint: token!.hint, suspendedAt: token!.suspendedAt.toISOString() },
    });
    return { id: tokenId, serviceAccountId: token!.serviceAccountId, resumedAt: resumedAt.toISOString() };
  });
  await tokensChanged(resumed.serviceAccountId);
  return { id: resumed.id, resumedAt: resumed.resumedAt };
}
