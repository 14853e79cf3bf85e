import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { tokensChanged } from "@/lib/tokens/token-events";
import { conflictError } from "@/lib/errors";
import { assertAccountAccess } from "./access";
import type { RevealedToken } from "./create-service-account";
import { primaryToken } from "./live-tokens";
import { lockAccount } from "./lock-account";
import { accountTarget } from "./owner";
import { rotateLocked } from "./rotate-token";
import type { regenerateTokenSchema } from "./schemas";

/**
 * The list's Regenerate token: rotates the account's primary token (its first-created live token; with none
 * live, its newest token). The previous one dies now, or at the chosen time (never later than its own expiry);
 * the new token keeps the previous one's lifetime (30 days stays 30 days; never stays never).
 */
export async function regenerateToken(input: z.output<typeof regenerateTokenSchema>, { actor, meta }: ActionContext): Promise<RevealedToken> {
  const result = await db.$transaction(async (tx) => {
    await lockAccount(tx, input.serviceAccountId);
    const account = await tx.serviceAccount.findUnique({ where: { id: input.serviceAccountId } });
    assertAccountAccess(actor, account, { action: "manage", scope: "tokens:write" });
    const tokens = await tx.apiToken.findMany({ where: { serviceAccountId: account.id }, orderBy: { createdAt: "desc" } });
    const previous = primaryToken(tokens, new Date()) ?? tokens.find((token) => !token.replacedById);
    if (!previous) throw conflictError("This account has no token to regenerate.");
    const rotation = { previousTokenExpiresAt: input.previousToken === "keep_until" ? input.previousTokenExpiresAt! : null };
    return rotateLocked(tx, previous, account, rotation, actor, async ({ previous: before, token }) => {
      await audit(tx, meta, {
        action: "token.regenerated",
        actor: actorParty(actor),
        target: accountTarget(account),
        metadata: {
          tokenId: token.id,
          name: token.name,
          hint: token.hint,
          expiresAt: token.expiresAt?.toISOString() ?? null,
          previousTokenId: before.id,
          previousTokenExpiresAt: before.expiresAt?.toISOString() ?? null,
        },
      });
    });
  });
  await tokensChanged(input.serviceAccountId);
  const { id, publicId, value, hint, expiresAt } = result.revealed;
  return { id, publicId, value, hint, expiresAt };
}
